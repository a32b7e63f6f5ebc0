/**
 * ListPipelineExecutionSteps, DescribePipelineDefinitionForExecution, ListPipelineParametersForExecution,
 * SendPipelineExecutionStepSuccess/Failure, the internal `_FailStep`, and the engine's ticker.
 */
import { text } from "./engine/text";
import { shortId } from "../../core/arn";
import { conflict, notFound, validation } from "../../core/errors";
import { idempotent } from "../../core/idempotency";
import { isObject } from "../../core/json";
import { paginate, sortRecords } from "../../core/paginate";
import { defineOperation, defineTicker } from "../../core/registry";
import { SORT_ORDER, Validator } from "../../core/validate";
import { TOKEN, withoutToken } from "./common";
import { advance, RUNNING, tick } from "./engine/scheduler";
import {
  activeExecutions,
  callbackTokens,
  findExecution,
  pipelineVersions,
  publicView,
  saveExecution,
  stepFaults,
  versionKey,
} from "./records";

const EXEC_ARN = /^arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:pipeline\/.*\/execution\/.*$/;

function execArn(v: Validator): string {
  return v.string("PipelineExecutionArn", { required: true, max: 2048, pattern: EXEC_ARN }) ?? "";
}

defineOperation("ListPipelineExecutionSteps", (input, ctx) => {
  const v = new Validator(input);
  const a = execArn(v);
  const order = (v.string("SortOrder", { enum: SORT_ORDER }) ?? "Descending") as "Ascending" | "Descending";
  v.string("NextToken", { max: 8192 });
  const max = v.maxResults();
  v.done();
  const e = findExecution(ctx.state, a);
  const steps = e.Steps.map((s, i) => ({ s, i }));
  sortRecords(
    steps,
    (x) => x.s.StartTime,
    order,
    (x) => String(x.i).padStart(6, "0"),
  );
  const page = paginate(steps, input.NextToken as string | undefined, max, { a, order });
  return { PipelineExecutionSteps: page.items.map((x) => publicView(x.s)), NextToken: page.nextToken };
});

defineOperation("DescribePipelineDefinitionForExecution", (input, ctx) => {
  const v = new Validator(input);
  const a = execArn(v);
  v.done();
  const e = findExecution(ctx.state, a);
  const ver = pipelineVersions(ctx.state).get(versionKey(e.PipelineName, e.PipelineVersionId));
  if (!ver) throw notFound(`Pipeline definition for execution '${a}' does not exist.`);
  return { PipelineDefinition: ver.PipelineDefinition, CreationTime: e.CreationTime };
});

defineOperation("ListPipelineParametersForExecution", (input, ctx) => {
  const v = new Validator(input);
  const a = execArn(v);
  v.string("NextToken", { max: 8192 });
  const max = v.maxResults();
  v.done();
  const e = findExecution(ctx.state, a);
  const page = paginate(e.PipelineParameters, input.NextToken as string | undefined, max, { a });
  return { PipelineParameters: page.items, NextToken: page.nextToken };
});

const CALLBACK_TOKEN = { required: true, min: 10, max: 10, pattern: /^[a-zA-Z0-9]+$/ };

function callbackStep(token: string, ctx: Parameters<typeof findExecution>[0]) {
  const ref = callbackTokens(ctx).get(token);
  if (!ref) throw notFound(`Callback token '${token}' does not exist.`);
  const e = findExecution(ctx, ref.arn);
  const st = e.Steps.find((s) => s.StepName === ref.step);
  if (!st || !RUNNING.has(st.StepStatus) || st.xDueAt !== undefined)
    throw conflict(`The step '${ref.step}' for callback token '${token}' is not waiting for a callback.`);
  return { e, st };
}

defineOperation("SendPipelineExecutionStepSuccess", async (input, ctx) => {
  const v = new Validator(input);
  const token = v.string("CallbackToken", CALLBACK_TOKEN) ?? "";
  const outs = v.array("OutputParameters", { max: 50 }) ?? [];
  const crt = v.string("ClientRequestToken", TOKEN);
  v.done();
  const params = outs.map((o) => {
    if (!isObject(o) || typeof o.Name !== "string" || typeof o.Value !== "string")
      throw validation("Each output parameter needs a Name and a Value.");
    return { Name: o.Name, Value: o.Value };
  });
  return idempotent(ctx, "SendPipelineExecutionStepSuccess", crt, withoutToken(input), async () => {
    const { e, st } = callbackStep(token, ctx.state);
    const meta = isObject(st.Metadata?.Callback) ? st.Metadata.Callback : {};
    st.Metadata = { Callback: { ...meta, OutputParameters: params } };
    st.xProps = { OutputParameters: Object.fromEntries(params.map((x) => [x.Name, x.Value])) };
    st.xDueAt = ctx.now();
    if (e.PipelineExecutionStatus === "Stopping") e.xStopAt = ctx.now();
    saveExecution(ctx.state, e);
    callbackTokens(ctx.state).delete(token);
    activeExecutions(ctx.state).set(e.PipelineExecutionArn, ctx.now());
    await advance(ctx, e.PipelineExecutionArn);
    return { PipelineExecutionArn: e.PipelineExecutionArn };
  });
});

defineOperation("SendPipelineExecutionStepFailure", async (input, ctx) => {
  const v = new Validator(input);
  const token = v.string("CallbackToken", CALLBACK_TOKEN) ?? "";
  const reason = v.string("FailureReason", { max: 256 });
  const crt = v.string("ClientRequestToken", TOKEN);
  v.done();
  return idempotent(ctx, "SendPipelineExecutionStepFailure", crt, withoutToken(input), async () => {
    const { e, st } = callbackStep(token, ctx.state);
    st.xFail = reason ?? "The callback reported a failure.";
    st.xFailType = "Callback";
    st.xDueAt = ctx.now();
    if (e.PipelineExecutionStatus === "Stopping") e.xStopAt = ctx.now();
    saveExecution(ctx.state, e);
    callbackTokens(ctx.state).delete(token);
    activeExecutions(ctx.state).set(e.PipelineExecutionArn, ctx.now());
    await advance(ctx, e.PipelineExecutionArn);
    return { PipelineExecutionArn: e.PipelineExecutionArn };
  });
});

/**
 * Fault injection: `{PipelineExecutionArn?, PipelineName?, StepName, FailureReason?, Count?}`. A running
 * step of the given execution fails now; otherwise the next `Count` (default 1) attempts of that step fail.
 */
defineOperation("_FailStep", async (input, ctx) => {
  const step = text(input.StepName);
  if (!step) throw validation("_FailStep needs a StepName.");
  const reason =
    typeof input.FailureReason === "string" ? input.FailureReason : "InternalServerError: injected failure.";
  const a = typeof input.PipelineExecutionArn === "string" ? input.PipelineExecutionArn : undefined;
  if (a) {
    const e = findExecution(ctx.state, a);
    const st = e.Steps.find((s) => s.StepName === step && RUNNING.has(s.StepStatus));
    if (st) {
      st.xFail = reason;
      st.xFailType = "SageMaker.JOB_INTERNAL_ERROR";
      st.xDueAt = ctx.now();
      saveExecution(ctx.state, e);
      activeExecutions(ctx.state).set(a, ctx.now());
      await advance(ctx, a);
      return { Applied: "running" };
    }
  }
  const count = typeof input.Count === "number" && input.Count > 0 ? input.Count : 1;
  stepFaults(ctx.state).set(
    shortId(() => ctx.random(), 8),
    {
      StepName: step,
      FailureReason: reason,
      Remaining: count,
      ...(a ? { PipelineExecutionArn: a } : {}),
      ...(typeof input.PipelineName === "string" ? { PipelineName: input.PipelineName } : {}),
    },
  );
  return { Applied: "rule" };
});

defineTicker("pipelines", tick);
