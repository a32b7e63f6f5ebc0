/**
 * Logs of a pipeline step: step → its job → the job's log group and streams (one per instance) → a page of lines,
 * the tail by default, earlier/newer lines with the paging tokens, or the lines a filter pattern selects (applied
 * by CloudWatch Logs). "No logs yet" is a state of a running job, not an error.
 */
import { getConfig } from "@/lib/config";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { listExecutionSteps } from "@/lib/sagemaker/pipelines/executions";
import { toStepInfo } from "@/lib/sagemaker/pipelines/mappers";
import { describePipeline } from "@/lib/sagemaker/pipelines/reads";
import { jobNameAsCreated } from "@/lib/sagemaker/jobs/job-names";
import { LogGroupMissingError } from "@/lib/sagemaker/logs/errors";
import { filterStream, listJobStreams, readStream, type LogLine } from "@/lib/sagemaker/logs/reads";
import { consoleUrlOf, jobOfStep, type JobKind } from "./job";

export interface StepLogsQuery {
  stream?: string;
  token?: string;
  direction?: "forward" | "backward";
  filter?: string;
  limit: number;
}

export interface StepLogs {
  state: "ok" | "no-logs-yet";
  message?: string;
  job: { kind: JobKind; name: string; group: string };
  stepStatus: string;
  failureReason?: string;
  streams: string[];
  stream?: string;
  lines: LogLine[];
  forwardToken?: string;
  backwardToken?: string;
  /** with a filter: the token of the next matches */
  filterToken?: string;
  /** AWS mode: the stream in the CloudWatch console */
  consoleUrl?: string;
}

const RUNNING = new Set(["Starting", "Executing", "Stopping"]);

export async function getStepLogs(
  pipeline: string,
  id: string,
  stepName: string,
  q: StepLogsQuery,
): Promise<StepLogs> {
  const p = await describePipeline(pipeline);
  const steps = await listExecutionSteps(`${p.arn}/execution/${id}`);
  const raw = steps.find((s) => s.StepName === stepName);
  if (!raw) throw new NotFoundError(`Step "${stepName}" is not part of this execution (yet).`);
  const step = toStepInfo(raw);
  const fromArn = jobOfStep(step);
  if (!fromArn) throw new ValidationError(`Step "${stepName}" runs no job, so it has no logs.`);
  // the ARN has the name lower-cased; the streams keep its case (a transform job the service cannot describe keeps the ARN's)
  const name = await jobNameAsCreated(fromArn.kind, fromArn.name).catch((err: unknown) => {
    if (err instanceof NotFoundError) return fromArn.name;
    throw err;
  });
  const job = { ...fromArn, name };
  const base = {
    job: { kind: job.kind, name: job.name, group: job.group },
    stepStatus: step.status,
    ...(step.failureReason ? { failureReason: step.failureReason } : {}),
  };
  const waiting = (streams: string[]): StepLogs => ({
    ...base,
    state: "no-logs-yet",
    message: `No logs yet: the ${job.kind.replace("Job", " job")} ${job.name} has not started writing to CloudWatch Logs.`,
    streams,
    lines: [],
  });
  let streams: string[];
  try {
    streams = await listJobStreams(job.group, job.name);
  } catch (err) {
    if (err instanceof LogGroupMissingError && RUNNING.has(step.status)) return waiting([]);
    throw err;
  }
  if (streams.length === 0) return waiting(streams);
  const stream = q.stream ?? streams[0] ?? "";
  if (!streams.includes(stream))
    throw new NotFoundError(`The job ${job.name} has no log stream "${stream}".`);
  const consoleUrl = getConfig().sagemaker.kind === "aws" ? consoleUrlOf(job, stream) : undefined;
  const common = { ...base, state: "ok" as const, streams, stream, ...(consoleUrl ? { consoleUrl } : {}) };
  if (q.filter) {
    const r = await filterStream(job.group, stream, q.filter, q.limit, q.token);
    return { ...common, lines: r.lines, ...(r.nextToken ? { filterToken: r.nextToken } : {}) };
  }
  const page = await readStream(job.group, stream, q.limit, q.token);
  return { ...common, lines: page.lines, forwardToken: page.forwardToken, backwardToken: page.backwardToken };
}
