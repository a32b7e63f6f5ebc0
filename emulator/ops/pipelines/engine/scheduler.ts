/**
 * The execution engine: starts ready steps (up to MaxParallelExecutionSteps), completes due ones,
 * applies retry policies, stops, and finishes executions. All progress lives in the execution record
 * (due times included), so a restarted emulator continues where it left off.
 */
import { text } from "./text";
import type { Ctx } from "../../../core/context";
import { AwsError } from "../../../core/errors";
import {
  activeExecutions,
  executions,
  pipelineVersions,
  saveExecution,
  stepFaults,
  versionKey,
  type ExecutionRecord,
  type StepState,
} from "../records";
import { cacheKey, lookup, remember } from "./cache";
import { definitionOf, type StepDef } from "./definition";
import { stepState, tryCall, type Run } from "./run";
import { runnerFor } from "./runner";
import "./runners-jobs";
import "./runners-models";
import "./runners-control";
import "./runners-simulated";

export const RUNNING = new Set(["Starting", "Executing", "Stopping"]);
const WAITING = Number.MAX_SAFE_INTEGER;
export const STEP_FAILURE = "Step failure: One or multiple steps failed.";

export function isFinished(e: ExecutionRecord): boolean {
  return ["Succeeded", "Failed", "Stopped"].includes(e.PipelineExecutionStatus);
}

export function runFor(ctx: Ctx, exec: ExecutionRecord): Run {
  const v = pipelineVersions(ctx.state).get(versionKey(exec.PipelineName, exec.PipelineVersionId));
  if (!v) throw new Error(`definition of ${exec.PipelineExecutionArn} is missing`);
  return { ctx: ctx.withIdentity(exec.CreatedBy), exec, def: definitionOf(v.PipelineDefinition) };
}

const errorText = (err: unknown) =>
  err instanceof AwsError ? `${err.code}: ${err.message}` : (err as Error).message;

/** Fault injection: `_FailStep` rules and `EMULATOR_FAIL_ATTEMPTS` in a step's Environment. */
function injectedFailure(run: Run, step: StepDef, st: StepState): string | undefined {
  const env = step.Arguments.Environment;
  const n = env && typeof env === "object" && !Array.isArray(env) ? Number(env.EMULATOR_FAIL_ATTEMPTS) : NaN;
  if (Number.isFinite(n) && st.AttemptCount <= n)
    return "InternalServerError: We encountered an internal error. Please try again.";
  const faults = stepFaults(run.ctx.state);
  for (const [id, f] of faults.entries()) {
    if (f.StepName !== step.Name || f.Remaining <= 0) continue;
    if (f.PipelineExecutionArn && f.PipelineExecutionArn !== run.exec.PipelineExecutionArn) continue;
    if (f.PipelineName && f.PipelineName.toLowerCase() !== run.exec.PipelineName.toLowerCase()) continue;
    const remaining = f.Remaining - 1;
    if (remaining <= 0) faults.delete(id);
    else faults.set(id, { ...f, Remaining: remaining });
    return f.FailureReason;
  }
  return undefined;
}

async function startAttempt(run: Run, step: StepDef, st: StepState): Promise<void> {
  const now = run.ctx.now();
  st.StepStatus = "Executing";
  st.StartTime = now;
  delete st.EndTime;
  delete st.FailureReason;
  delete st.xFail;
  delete st.xFailType;
  delete st.xRestart;
  delete st.xCached;
  delete st.CacheHitResult;
  const key = cacheKey(run, step);
  if (key) {
    const hit = lookup(run, step, key);
    if (hit) {
      st.Metadata = hit.step.Metadata;
      st.xProps = hit.step.xProps;
      st.xPropertyFiles = hit.step.xPropertyFiles;
      st.CacheHitResult = { SourcePipelineExecutionArn: hit.arn };
      st.xDueAt = now;
      st.xCached = true;
      return;
    }
    st.xCacheKey = key;
  }
  const runner = runnerFor(step.Type);
  let duration: number | undefined = 1;
  try {
    duration = runner ? await runner.start(run, step, st) : 1;
  } catch (err) {
    st.xFail = errorText(err);
    st.xFailType = "Step.SERVICE_FAULT";
    duration = 1;
  }
  const injected = st.xFail ? undefined : injectedFailure(run, step, st);
  if (injected) {
    st.xFail = injected;
    st.xFailType = "SageMaker.JOB_INTERNAL_ERROR";
  }
  if (duration === undefined) delete st.xDueAt;
  else st.xDueAt = now + duration * run.exec.xPace;
}

function startStep(run: Run, step: StepDef): Promise<void> {
  const st: StepState = {
    StepName: step.Name,
    StepStatus: "Starting",
    StartTime: run.ctx.now(),
    AttemptCount: 1,
    xType: step.Type,
    ...(step.DisplayName ? { StepDisplayName: step.DisplayName } : {}),
    ...(step.Description ? { StepDescription: step.Description } : {}),
  };
  run.exec.Steps.push(st);
  return startAttempt(run, step, st);
}

/** The retry policy that applies to a failed attempt, and the wait before the next one. */
function retryDelay(step: StepDef, st: StepState): number | undefined {
  if (!st.xFailType || st.xFailType === "Fail") return undefined;
  for (const p of step.RetryPolicies) {
    const types = Array.isArray(p.ExceptionType)
      ? p.ExceptionType.map((x) => text(x))
      : [text(p.ExceptionType)];
    if (!types.includes(st.xFailType)) continue;
    const max = typeof p.MaxAttempts === "number" ? p.MaxAttempts : 5;
    if (st.AttemptCount >= max) return undefined;
    const interval = typeof p.IntervalSeconds === "number" ? p.IntervalSeconds : 1;
    const backoff = typeof p.BackoffRate === "number" ? p.BackoffRate : 2;
    return interval * backoff ** (st.AttemptCount - 1);
  }
  return undefined;
}

async function completeStep(run: Run, step: StepDef | undefined, st: StepState): Promise<void> {
  const now = run.ctx.now();
  if (st.xRestart && step) {
    st.AttemptCount += 1;
    await startAttempt(run, step, st);
    return;
  }
  if (!st.xCached && step) {
    try {
      await runnerFor(step.Type)?.finish?.(run, step, st);
    } catch (err) {
      st.xFail ??= errorText(err);
    }
  }
  if (st.xFail && step) {
    const wait = retryDelay(step, st);
    if (wait !== undefined) {
      st.xRestart = true;
      st.xDueAt = now + wait * run.exec.xPace;
      return;
    }
  }
  delete st.xDueAt;
  st.EndTime = now;
  if (st.xFail) {
    st.StepStatus = "Failed";
    st.FailureReason = st.xFail.slice(0, 1024);
  } else {
    st.StepStatus = "Succeeded";
    if (st.xCacheKey) remember(run, st.xCacheKey, st);
  }
}

/** Marks the step's training or processing job Stopped. */
async function stopJob(run: Run, st: StepState): Promise<void> {
  const training = st.xProps?.TrainingJobName;
  const processing = st.xProps?.ProcessingJobName;
  const call =
    st.xType === "Training" && typeof training === "string"
      ? tryCall(run.ctx, "_CompleteTrainingJob", { TrainingJobName: training, TrainingJobStatus: "Stopped" })
      : st.xType === "Processing" && typeof processing === "string"
        ? tryCall(run.ctx, "_CompleteProcessingJob", {
            ProcessingJobName: processing,
            ProcessingJobStatus: "Stopped",
          })
        : undefined;
  await call?.catch(() => undefined);
}

function ready(run: Run, step: StepDef): boolean {
  if (stepState(run, step.Name)) return false;
  if (run.exec.xSelected && !run.exec.xSelected.includes(step.Name)) return false;
  for (const d of step.deps) if (stepState(run, d)?.StepStatus !== "Succeeded") return false;
  if (step.branchOf) {
    const cond = stepState(run, step.branchOf.step);
    const outcome = cond?.xCondition?.Outcome === true;
    if (outcome !== (step.branchOf.branch === "If")) return false;
  }
  return true;
}

function finishExecution(run: Run): void {
  const e = run.exec;
  const failed = e.Steps.filter((s) => s.StepStatus === "Failed");
  const now = run.ctx.now();
  if (failed.length === 0) {
    e.PipelineExecutionStatus = "Succeeded";
    delete e.FailureReason;
  } else {
    e.PipelineExecutionStatus = "Failed";
    const fail = failed.find((s) => s.xType === "Fail");
    e.FailureReason = (fail?.FailureReason ?? STEP_FAILURE).slice(0, 1300);
  }
  e.LastModifiedTime = now;
}

/** Moves one execution forward to ctx.now(); returns when nothing more can happen now. */
export async function advance(ctx: Ctx, executionArn: string): Promise<void> {
  const exec = executions(ctx.state).get(executionArn);
  if (!exec || isFinished(exec)) {
    activeExecutions(ctx.state).delete(executionArn);
    return;
  }
  const run = runFor(ctx, exec);
  for (let guard = 0; guard < 100_000; guard++) {
    const now = ctx.now();
    let changed = false;
    if (exec.PipelineExecutionStatus === "Stopping") {
      if ((exec.xStopAt ?? 0) <= now) {
        // a Callback step stops only once its callback arrives (as SageMaker documents)
        let waiting = false;
        for (const st of exec.Steps) {
          if (!RUNNING.has(st.StepStatus)) continue;
          if (st.xType === "Callback") {
            if (st.xDueAt === undefined) {
              waiting = true;
              continue;
            }
            if (st.xDueAt <= now) {
              await completeStep(run, run.def.byName.get(st.StepName), st);
              continue;
            }
          }
          st.StepStatus = "Stopped";
          st.EndTime = now;
          delete st.xDueAt;
          delete st.xRestart;
          await stopJob(run, st);
        }
        if (waiting) exec.xStopAt = WAITING;
        else {
          exec.PipelineExecutionStatus = "Stopped";
          exec.LastModifiedTime = now;
        }
      }
      break;
    }
    for (const st of exec.Steps) {
      if (RUNNING.has(st.StepStatus) && st.xDueAt !== undefined && st.xDueAt <= now) {
        await completeStep(run, run.def.byName.get(st.StepName), st);
        changed = true;
      }
    }
    const anyFailed = exec.Steps.some((s) => s.StepStatus === "Failed");
    let running = exec.Steps.filter((s) => RUNNING.has(s.StepStatus)).length;
    if (!anyFailed) {
      const max = exec.ParallelismConfiguration?.MaxParallelExecutionSteps ?? Infinity;
      for (const step of run.def.steps) {
        if (running >= max) break;
        if (!ready(run, step)) continue;
        await startStep(run, step);
        running++;
        changed = true;
      }
    }
    if (running === 0) {
      finishExecution(run);
      break;
    }
    if (!changed) break;
  }
  saveExecution(ctx.state, exec);
  const next = nextDue(exec);
  if (next === undefined) activeExecutions(ctx.state).delete(executionArn);
  else activeExecutions(ctx.state).set(executionArn, next);
}

/** When the execution next needs attention (undefined when finished). */
export function nextDue(exec: ExecutionRecord): number | undefined {
  if (isFinished(exec)) return undefined;
  if (exec.PipelineExecutionStatus === "Stopping") return exec.xStopAt ?? 0;
  let due = WAITING;
  for (const st of exec.Steps)
    if (RUNNING.has(st.StepStatus) && st.xDueAt !== undefined) due = Math.min(due, st.xDueAt);
  return due;
}

/** Advances every execution that is due (the ticker). Cheap when nothing is due. */
export async function tick(ctx: Ctx): Promise<void> {
  const now = ctx.now();
  const due: string[] = [];
  for (const [a, t] of activeExecutions(ctx.state).entries()) if (t <= now) due.push(a);
  for (const a of due) await advance(ctx, a);
}
