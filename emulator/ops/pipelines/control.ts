/** StopPipelineExecution and RetryPipelineExecution. */
import { conflict } from "../../core/errors";
import { idempotent } from "../../core/idempotency";
import { defineOperation } from "../../core/registry";
import { Validator } from "../../core/validate";
import { parallelism, TOKEN, withoutToken } from "./common";
import { advance } from "./engine/scheduler";
import { tryCall } from "./engine/run";
import { activeExecutions, findExecution, saveExecution } from "./records";
import { EXEC_ARN } from "./start";

const ARN_MAX = { min: 0, max: 2048 };

function execArnInput(v: Validator): string {
  return v.string("PipelineExecutionArn", { required: true, ...ARN_MAX, pattern: EXEC_ARN }) ?? "";
}

defineOperation("StopPipelineExecution", async (input, ctx) => {
  const v = new Validator(input);
  const a = execArnInput(v);
  const token = v.string("ClientRequestToken", { required: true, ...TOKEN });
  v.done();
  return idempotent(ctx, "StopPipelineExecution", token, withoutToken(input), async () => {
    const e = findExecution(ctx.state, a);
    await advance(ctx, a);
    const cur = findExecution(ctx.state, a);
    if (cur.PipelineExecutionStatus !== "Executing" && cur.PipelineExecutionStatus !== "Stopping")
      throw conflict(
        `Pipeline execution ${e.PipelineExecutionArn} is in ${cur.PipelineExecutionStatus} status and cannot be stopped. Only executions in Executing status can be stopped.`,
      );
    if (cur.PipelineExecutionStatus === "Executing") {
      const now = ctx.now();
      cur.PipelineExecutionStatus = "Stopping";
      cur.xStopAt = now + 5 * cur.xPace;
      cur.LastModifiedTime = now;
      cur.LastModifiedBy = ctx.identity;
      for (const st of cur.Steps)
        if (st.StepStatus === "Executing" || st.StepStatus === "Starting") {
          st.StepStatus = "Stopping";
          const job = st.xProps?.TrainingJobName ?? st.xProps?.ProcessingJobName;
          if (typeof job === "string") {
            const op = st.xType === "Training" ? "StopTrainingJob" : "StopProcessingJob";
            const key = st.xType === "Training" ? "TrainingJobName" : "ProcessingJobName";
            await tryCall(ctx, op, { [key]: job }).catch(() => undefined);
          }
        }
      saveExecution(ctx.state, cur);
      activeExecutions(ctx.state).set(a, cur.xStopAt);
    }
    return { PipelineExecutionArn: a };
  });
});

defineOperation("RetryPipelineExecution", async (input, ctx) => {
  const v = new Validator(input);
  const a = execArnInput(v);
  const token = v.string("ClientRequestToken", { required: true, ...TOKEN });
  const pc = parallelism(v);
  v.done();
  return idempotent(ctx, "RetryPipelineExecution", token, withoutToken(input), async () => {
    const e = findExecution(ctx.state, a);
    if (e.PipelineExecutionStatus !== "Failed")
      throw conflict(
        `Pipeline execution ${a} is in ${e.PipelineExecutionStatus} status and cannot be retried. Only executions in Failed status can be retried.`,
      );
    const now = ctx.now();
    e.PipelineExecutionStatus = "Executing";
    delete e.FailureReason;
    e.LastModifiedTime = now;
    e.LastModifiedBy = ctx.identity;
    if (pc) e.ParallelismConfiguration = pc;
    for (const st of e.Steps)
      if (st.StepStatus === "Failed") {
        st.StepStatus = "Starting";
        st.xRestart = true;
        st.xDueAt = now;
      }
    saveExecution(ctx.state, e);
    activeExecutions(ctx.state).set(a, now);
    await advance(ctx, a);
    return { PipelineExecutionArn: a };
  });
});
