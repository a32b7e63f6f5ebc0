/**
 * One step's attempts: start (with injected failures and the step's runner), complete when due (retry policies),
 * stop its job. The scheduler (scheduler.ts) decides when.
 */
import { text } from "./text";
import { AwsError } from "../../../core/errors";
import { stepFaults, type StepState } from "../records";
import { cacheKey, lookup, remember } from "./cache";
import { type StepDef } from "./definition";
import { tryCall, type Run } from "./run";
import { runnerFor } from "./runner";
import "./runners-jobs";
import "./runners-models";
import "./runners-control";
import "./runners-simulated";

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

export function startStep(run: Run, step: StepDef): Promise<void> {
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

export async function completeStep(run: Run, step: StepDef | undefined, st: StepState): Promise<void> {
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
export async function stopJob(run: Run, st: StepState): Promise<void> {
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
