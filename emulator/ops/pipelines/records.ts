/** Pipeline, pipeline version and execution records, their collections and lookups. */
import { arn, nameFromArn } from "../../core/arn";
import type { UserContext } from "../../core/context";
import { notFound } from "../../core/errors";
import type { JsonObject } from "../../core/json";
import { defineCollection, type State } from "../../core/state";

export interface ParallelismConfiguration extends JsonObject {
  MaxParallelExecutionSteps: number;
}

export interface PipelineRecord extends JsonObject {
  PipelineArn: string;
  PipelineName: string;
  PipelineDisplayName?: string;
  PipelineDescription?: string;
  RoleArn: string;
  PipelineStatus: "Active" | "Deleting";
  CreationTime: number;
  LastModifiedTime: number;
  LastRunTime?: number;
  CreatedBy: UserContext;
  LastModifiedBy: UserContext;
  ParallelismConfiguration?: ParallelismConfiguration;
  /** latest version id */
  PipelineVersionId: number;
}

export interface PipelineVersionRecord extends JsonObject {
  PipelineArn: string;
  PipelineVersionId: number;
  PipelineDefinition: string;
  PipelineVersionDisplayName?: string;
  PipelineVersionDescription?: string;
  CreationTime: number;
  CreatedBy: UserContext;
  LastModifiedTime: number;
  LastModifiedBy: UserContext;
  LastExecutionPipelineExecutionArn?: string;
}

export type StepStatus = "Starting" | "Executing" | "Stopping" | "Stopped" | "Failed" | "Succeeded";
export type ExecutionStatus = "Executing" | "Stopping" | "Stopped" | "Failed" | "Succeeded";

/** One step of an execution. Members starting with `x` are internal and never returned. */
export interface StepState extends JsonObject {
  StepName: string;
  StepDisplayName?: string;
  StepDescription?: string;
  StepStatus: StepStatus;
  StartTime: number;
  EndTime?: number;
  AttemptCount: number;
  FailureReason?: string;
  Metadata?: JsonObject;
  CacheHitResult?: { SourcePipelineExecutionArn: string };
  /** a step carried over from the source execution of a selective execution */
  SelectiveExecutionResult?: { SourcePipelineExecutionArn: string };
  /** step type from the definition */
  xType: string;
  /** when the running attempt completes (epoch s); absent while waiting for a callback */
  xDueAt?: number;
  /** the attempt will fail with this reason */
  xFail?: string;
  /** the planned failure may be retried by a RetryPolicy matching this exception type */
  xFailType?: string;
  /** Describe*-shaped properties other steps read with Get Steps.<name>.… */
  xProps?: JsonObject;
  /** PropertyFileName → S3 URI */
  xPropertyFiles?: Record<string, string>;
  /** Condition outcome and the compared values */
  xCondition?: JsonObject;
  /** cache key of a cache-enabled step */
  xCacheKey?: string;
  /** what the simulated training's data quality is derived from */
  xData?: string;
  /** this attempt reused a cached step */
  xCached?: boolean;
  /** a retry policy restarts the step at xDueAt */
  xRestart?: boolean;
}

export interface ExecutionRecord extends JsonObject {
  PipelineArn: string;
  PipelineName: string;
  PipelineExecutionArn: string;
  ExecutionId: string;
  PipelineExecutionDisplayName: string;
  PipelineExecutionDescription?: string;
  PipelineExecutionStatus: ExecutionStatus;
  FailureReason?: string;
  CreationTime: number;
  LastModifiedTime: number;
  CreatedBy: UserContext;
  LastModifiedBy: UserContext;
  ParallelismConfiguration?: ParallelismConfiguration;
  PipelineVersionId: number;
  PipelineExperimentConfig?: { ExperimentName?: string; TrialName?: string };
  /** resolved parameters, values as strings */
  PipelineParameters: { Name: string; Value: string }[];
  Steps: StepState[];
  SelectiveExecutionConfig?: { SourcePipelineExecutionArn?: string; SelectedSteps: { StepName: string }[] };
  /** selective execution: the only steps that run */
  xSelected?: string[];
  /** simulated seconds → wall seconds factor for this execution's steps */
  xPace: number;
  /** stop requested; complete the stop at this time */
  xStopAt?: number;
  /** insertion sequence, for stable ordering */
  xSeq: number;
}

export const pipelines = defineCollection<PipelineRecord>("pipelines.pipelines");
/** key `<name-lower>#<version>` */
export const pipelineVersions = defineCollection<PipelineVersionRecord>("pipelines.versions");
/** key = execution ARN */
export const executions = defineCollection<ExecutionRecord>("pipelines.executions");
/** key = pipeline name (lower) → execution ARNs in start order: the per-pipeline index */
export const executionIndex = defineCollection<string[]>("pipelines.executionIndex");
/** key = execution ARN → next due time, for executions that are not finished */
export const activeExecutions = defineCollection<number>("pipelines.active");
/** key = callback token → {execution ARN, step name} */
export const callbackTokens = defineCollection<{ arn: string; step: string }>("pipelines.callbacks");
/** key = cache key → a successful step to reuse */
export const stepCache = defineCollection<{ arn: string; at: number; step: StepState }>("pipelines.cache");
/** fault rules: key = rule id */
export const stepFaults = defineCollection<{
  PipelineName?: string;
  PipelineExecutionArn?: string;
  StepName: string;
  FailureReason: string;
  Remaining: number;
}>("pipelines.faults");
/** a counter record */
export const counters = defineCollection<number>("pipelines.counters");

export const pipelineKey = (name: string) => name.toLowerCase();
export const versionKey = (name: string, v: number) => `${name.toLowerCase()}#${v}`;
export const pipelineArn = (name: string) => arn("pipeline", name);

/** Pipeline by name or ARN, or ResourceNotFound. */
export function findPipeline(state: State, nameOrArn: string): PipelineRecord {
  const name = nameFromArn(nameOrArn, "pipeline") ?? nameOrArn;
  const p = pipelines(state).get(pipelineKey(name));
  if (!p) throw notFound(`Pipeline '${pipelineArn(name)}' does not exist.`);
  return p;
}

export function findExecution(state: State, executionArn: string): ExecutionRecord {
  const e = executions(state).get(executionArn);
  if (!e) throw notFound(`Pipeline execution '${executionArn}' does not exist.`);
  return e;
}

export function nextSeq(state: State): number {
  const n = (counters(state).get("executionSeq") ?? 0) + 1;
  counters(state).set("executionSeq", n);
  return n;
}

/** The public members of a record (internal ones start with `x`). */
export function publicView<T extends JsonObject>(record: T): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(record)) {
    if (/^x[A-Z]/.test(k) || v === undefined) continue;
    out[k] = v;
  }
  return out;
}

export function executionsOf(state: State, pipelineName: string): ExecutionRecord[] {
  const arns = executionIndex(state).get(pipelineKey(pipelineName)) ?? [];
  const out: ExecutionRecord[] = [];
  for (const a of arns) {
    const e = executions(state).get(a);
    if (e) out.push(e);
  }
  return out;
}

export function saveExecution(state: State, e: ExecutionRecord): void {
  executions(state).set(e.PipelineExecutionArn, e);
}
