/** Domain types for pipelines and their executions (no SDK shapes; times are epoch milliseconds). */

export type ExecutionStatus = "Executing" | "Stopping" | "Stopped" | "Failed" | "Succeeded";
export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  "Executing",
  "Stopping",
  "Stopped",
  "Failed",
  "Succeeded",
];
export type StepStatus = "Starting" | "Executing" | "Stopping" | "Stopped" | "Failed" | "Succeeded";

export interface PipelineSummary {
  name: string;
  arn: string;
  displayName: string;
  description: string | undefined;
  createdAt: number | undefined;
  lastModifiedAt: number | undefined;
  lastExecutionAt: number | undefined;
}

export interface PipelineStats {
  /** executions started in the window (up to the scan cap) */
  runs: number;
  /** Succeeded / finished (Succeeded + Failed + Stopped); null without finished runs */
  successRate: number | null;
  medianDurationMs: number | null;
  latestStatus: ExecutionStatus | null;
  latestStartedAt: number | null;
  /** true when the window held more executions than were scanned */
  capped: boolean;
}

export interface ExecutionSummary {
  arn: string;
  id: string;
  pipelineName: string;
  displayName: string;
  description: string | undefined;
  status: ExecutionStatus;
  failureReason: string | undefined;
  startedAt: number | undefined;
  lastModifiedAt: number | undefined;
  /** end − start for finished executions, else undefined */
  durationMs: number | undefined;
  /** SageMaker's CreatedBy: user profile name or IAM principal */
  createdBy: string | undefined;
  parameters: Record<string, string>;
}

export interface StepInfo {
  name: string;
  displayName: string | undefined;
  status: StepStatus;
  startedAt: number | undefined;
  endedAt: number | undefined;
  attempts: number | undefined;
  failureReason: string | undefined;
  /** the Metadata key SageMaker set (TrainingJob, ProcessingJob, Condition, RegisterModel, Fail, …) */
  kind: string | undefined;
  /** the ARN of the job/model/package it ran or created */
  resourceArn: string | undefined;
  conditionOutcome: "True" | "False" | undefined;
  errorMessage: string | undefined;
  cacheSourceArn: string | undefined;
  /** selective execution: the step was not run, its results come from this execution */
  reusedFromArn: string | undefined;
}

export interface ExecutionDetail extends ExecutionSummary {
  experimentName: string | undefined;
  trialName: string | undefined;
  /** a re-run of some steps of another execution (SelectiveExecutionConfig) */
  rerunOf: { arn: string; id: string; steps: string[] } | undefined;
  /** the definition version it ran */
  pipelineVersionId: number | undefined;
  steps: StepInfo[];
}
