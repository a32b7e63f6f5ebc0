/**
 * The execution engine: starts ready steps (up to MaxParallelExecutionSteps), completes due ones,
 * applies retry policies, stops, and finishes executions. All progress lives in the execution record
 * (due times included), so a restarted emulator continues where it left off.
 */
import type { Ctx } from "../../../core/context";
import {
  activeExecutions,
  executions,
  pipelineVersions,
  saveExecution,
  versionKey,
  type ExecutionRecord,
} from "../records";
import { definitionOf, type StepDef } from "./definition";
import { stepState, type Run } from "./run";
import { completeStep, startStep, stopJob } from "./step-attempts";

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
