/**
 * What training and processing jobs share: Describe<Kind>Job, Stop<Kind>Job (InProgress → Stopping, Stopped once
 * the stop is due, by stops.ts) and the not-found error. Each kind is described once here.
 */
import { defineOperation } from "../../core/registry";
import { scaled } from "../../core/clock";
import { notFound, validation } from "../../core/errors";
import { copy, str, type JsonObject } from "../../core/json";
import { Validator } from "../../core/validate";
import type { Collection, State } from "../../core/state";
import { pendingStops, processingJobs, trainingJobs, JOB_NAME, type JobRecord } from "./store";

export interface JobKind {
  kind: "training" | "processing";
  /** `Training` → DescribeTrainingJob, StopTrainingJob, TrainingJobName, TrainingJobStatus */
  noun: "Training" | "Processing";
  jobs: (state: State) => Collection<JobRecord>;
  /** members besides the status that a stop sets (training also moves SecondaryStatus) */
  stopping: JsonObject;
  /** internal operation that finishes a job with a final status */
  complete: string;
}

export const JOB_KINDS: readonly JobKind[] = [
  {
    kind: "training",
    noun: "Training",
    jobs: trainingJobs,
    stopping: { SecondaryStatus: "Stopping" },
    complete: "_CompleteTrainingJob",
  },
  {
    kind: "processing",
    noun: "Processing",
    jobs: processingJobs,
    stopping: {},
    complete: "_CompleteProcessingJob",
  },
];

export const jobNotFound = () => notFound("Requested resource not found.");

function jobName(input: JsonObject, k: JobKind): string {
  const v = new Validator(input);
  const name = v.string(`${k.noun}JobName`, JOB_NAME);
  v.done();
  return name ?? "";
}

for (const k of JOB_KINDS) {
  const status = `${k.noun}JobStatus`;

  defineOperation(`Describe${k.noun}Job`, (input, ctx) => {
    const j = k.jobs(ctx.state).get(jobName(input, k).toLowerCase());
    if (!j) throw jobNotFound();
    return copy(j);
  });

  defineOperation(`Stop${k.noun}Job`, (input, ctx) => {
    const name = jobName(input, k);
    const j = k.jobs(ctx.state).get(name.toLowerCase());
    if (!j) throw jobNotFound();
    if (j[status] !== "InProgress")
      throw validation(
        `The request was rejected because the ${k.kind} job is in status ${str(j[status]) ?? ""}.`,
      );
    const now = ctx.now();
    k.jobs(ctx.state).set(name.toLowerCase(), {
      ...j,
      [status]: "Stopping",
      ...k.stopping,
      LastModifiedTime: now,
    });
    pendingStops(ctx.state).set(`${k.kind}:${name.toLowerCase()}`, now + scaled(30));
    return {};
  });
}
