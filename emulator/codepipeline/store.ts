/** CodePipeline records (per account): pipelines (their declaration), executions with their stage and action runs. */
import { randomUUID } from "node:crypto";
import { AwsError } from "../core/errors";
import { REGION, currentAccount } from "../core/arn";
import { defineCollection } from "../core/state";
import type { JsonObject } from "../core/json";
import type { Ctx } from "../core/context";

export interface PipelineRecord extends JsonObject {
  /** the PipelineDeclaration as GetPipeline answers it (with `version`) */
  declaration: JsonObject;
  pipelineArn: string;
  created: number;
  updated: number;
}

export type ActionStatus = "InProgress" | "Abandoned" | "Succeeded" | "Failed";

/** One run of one action in one execution (ListActionExecutions / GetPipelineState shape it). */
export interface ActionRun extends JsonObject {
  stageName: string;
  actionName: string;
  actionExecutionId: string;
  status: ActionStatus;
  startTime: number;
  lastUpdateTime: number;
  /** simulated completion time (epoch seconds) of a timed action; the approval's expiry */
  dueAt?: number;
  /** manual approval: the token PutApprovalResult must present */
  token?: string;
  summary?: string;
  errorDetails?: { code: string; message: string };
  updatedBy?: string;
  externalExecutionId?: string;
  externalExecutionSummary?: string;
  /** configuration after `#{variables.x}` substitution */
  resolvedConfiguration?: Record<string, string>;
  /** a deploy action waiting for its endpoint: where */
  endpoint?: { account: string; name: string; config: string };
  /** output variables (a deploy action's: what it deployed where) */
  outputVariables?: Record<string, string>;
}

export type ExecutionStatus =
  "Cancelled" | "InProgress" | "Stopped" | "Stopping" | "Succeeded" | "Superseded" | "Failed";

export interface StageRun extends JsonObject {
  stageName: string;
  status: "InProgress" | "Failed" | "Stopped" | "Succeeded" | "Cancelled";
  startTime: number;
  /** the runOrder group running now */
  runOrder?: number;
  /** RetryStageExecution calls on this stage */
  retryAttempt?: number;
}

export interface ExecutionRecord extends JsonObject {
  pipelineName: string;
  pipelineVersion: number;
  pipelineExecutionId: string;
  status: ExecutionStatus;
  statusSummary?: string;
  startTime: number;
  lastUpdateTime: number;
  trigger: { triggerType: string; triggerDetail?: string };
  stopTrigger?: { reason?: string };
  /** stop requested: abandon in-progress actions, or let them finish */
  stopping?: { abandon: boolean };
  variables?: { name: string; resolvedValue: string }[];
  executionMode: string;
  /** stages entered, in order */
  stages: StageRun[];
  /** the model version this execution deploys (resolved by its first deploy action, reused by the next ones) */
  modelPackageArn?: string;
  /** every action run (retries add runs) */
  actions: ActionRun[];
}

/** keyed by pipeline name */
export const pipelines = defineCollection<PipelineRecord>("codepipeline.pipelines");
/** keyed by `<pipeline>/<executionId>` */
export const executions = defineCollection<ExecutionRecord>("codepipeline.executions");
/** keys of executions still moving (InProgress/Stopping), so ticks touch only those */
export const active = defineCollection<true>("codepipeline.active");
/** the codepipeline's tags, keyed by pipeline ARN */
export const cpTags = defineCollection<{ key: string; value: string }[]>("codepipeline.tags");

/** A string member of a stored declaration ("" when absent). */
export const text = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : "";

export const execKey = (pipeline: string, id: string): string => `${pipeline}/${id}`;

export function pipelineArn(name: string): string {
  return `arn:aws:codepipeline:${REGION}:${currentAccount()}:${name}`;
}

/** A UUID from the context's randomness (deterministic while seeding). */
export function uuid(ctx: Ctx): string {
  if (ctx.random === Math.random) return randomUUID();
  const hex = Array.from({ length: 32 }, () => Math.floor(ctx.random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export const pipelineNotFound = (name: string) =>
  new AwsError(
    "PipelineNotFoundException",
    `Account '${currentAccount()}' does not have a pipeline with name '${name}'`,
  );

export function requirePipeline(ctx: Ctx, name: string): PipelineRecord {
  const p = pipelines(ctx.state).get(name);
  if (!p) throw pipelineNotFound(name);
  return p;
}

export function requireExecution(ctx: Ctx, pipeline: string, id: string): ExecutionRecord {
  const e = executions(ctx.state).get(execKey(pipeline, id));
  if (!e)
    throw new AwsError(
      "PipelineExecutionNotFoundException",
      `Pipeline execution ID ${id} does not exist for the pipeline ${pipeline}`,
    );
  return e;
}

/** Executions of one pipeline, newest first. */
export function executionsOf(ctx: Ctx, pipeline: string): ExecutionRecord[] {
  const prefix = `${pipeline}/`;
  const out: ExecutionRecord[] = [];
  for (const [k, e] of executions(ctx.state).entries()) if (k.startsWith(prefix)) out.push(e);
  return out.sort(
    (a, b) => b.startTime - a.startTime || (a.pipelineExecutionId < b.pipelineExecutionId ? 1 : -1),
  );
}

export function saveExecution(ctx: Ctx, e: ExecutionRecord): void {
  const k = execKey(e.pipelineName, e.pipelineExecutionId);
  executions(ctx.state).set(k, e);
  const moving = e.status === "InProgress" || e.status === "Stopping";
  if (moving && !active(ctx.state).has(k)) active(ctx.state).set(k, true);
  if (!moving && active(ctx.state).has(k)) active(ctx.state).delete(k);
}

/** Declared stages and actions of a pipeline declaration. */
export interface ActionDecl extends JsonObject {
  name: string;
  actionTypeId: { category: string; owner: string; provider: string; version: string };
  runOrder?: number;
  configuration?: Record<string, string>;
  roleArn?: string;
  region?: string;
  namespace?: string;
}
export interface StageDecl extends JsonObject {
  name: string;
  actions: ActionDecl[];
}

export function stagesOf(p: PipelineRecord): StageDecl[] {
  return (p.declaration.stages ?? []) as unknown as StageDecl[];
}
