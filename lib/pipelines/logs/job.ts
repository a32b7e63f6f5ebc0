/** Which job a pipeline step ran, and where SageMaker writes its logs (`/aws/sagemaker/<Kind>Jobs`). */
import type { StepInfo } from "@/lib/sagemaker/pipelines/types";

export type JobKind = "TrainingJob" | "ProcessingJob" | "TransformJob";

const GROUPS: Record<string, { kind: JobKind; group: string }> = {
  "training-job": { kind: "TrainingJob", group: "/aws/sagemaker/TrainingJobs" },
  "processing-job": { kind: "ProcessingJob", group: "/aws/sagemaker/ProcessingJobs" },
  "transform-job": { kind: "TransformJob", group: "/aws/sagemaker/TransformJobs" },
};

export interface StepJob {
  kind: JobKind;
  name: string;
  group: string;
  region: string;
}

/** The job behind a step (from its Metadata ARN), or undefined for steps without logs (Condition, RegisterModel…). */
export function jobOfStep(step: Pick<StepInfo, "resourceArn">): StepJob | undefined {
  const m = /^arn:aws[a-z-]*:sagemaker:([a-z0-9-]+):\d{12}:([a-z-]+)\/(.+)$/.exec(step.resourceArn ?? "");
  const g = m?.[2] ? GROUPS[m[2]] : undefined;
  if (!m?.[1] || !m[3] || !g) return undefined;
  return { ...g, name: m[3], region: m[1] };
}

/** CloudWatch's console escapes the group and stream with `$25` for `%`. */
const consoleEscape = (s: string) => encodeURIComponent(encodeURIComponent(s)).replace(/%/g, "$");

export function consoleUrlOf(job: StepJob, stream: string): string {
  return `https://${job.region}.console.aws.amazon.com/cloudwatch/home?region=${job.region}#logsV2:log-groups/log-group/${consoleEscape(job.group)}/log-events/${consoleEscape(stream)}`;
}
