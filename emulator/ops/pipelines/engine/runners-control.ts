/** Condition, Fail, Lambda and Callback steps. */
import { text } from "./text";
import { shortId } from "../../../core/arn";
import { isObject, type JsonObject } from "../../../core/json";
import { callbackTokens } from "../records";
import { evaluateConditions } from "./conditions";
import { evaluate } from "./expressions";
import { scopeFor } from "./run";
import { defineRunner, durationBetween, resolvedArgs } from "./runner";

defineRunner(["Condition"], {
  async start(run, step, st) {
    const result = evaluateConditions(step.Arguments.Conditions, scopeFor(run));
    st.Metadata = { Condition: { Outcome: result.outcome ? "True" : "False" } };
    st.xCondition = { Outcome: result.outcome, Checks: result.checks };
    // the step's one property (`Steps.<name>.Outcome`, a Boolean), as the SDK's ConditionStep.properties.Outcome reads it
    st.xProps = { Outcome: result.outcome };
    return Promise.resolve(1);
  },
});

defineRunner(["Fail"], {
  async start(run, step, st) {
    const raw = step.Arguments.ErrorMessage;
    const v = raw === undefined ? "" : evaluate(raw, scopeFor(run));
    const message = (typeof v === "string" ? v : JSON.stringify(v)).slice(0, 3072);
    st.Metadata = { Fail: { ErrorMessage: message } };
    st.xFail = message;
    st.xFailType = "Fail";
    return Promise.resolve(1);
  },
});

/** Placeholder outputs of a Lambda step: a typed zero value per declared OutputParameter. */
function outputs(step: { raw: JsonObject }): { Name: string; Value: string }[] {
  const list = Array.isArray(step.raw.OutputParameters) ? step.raw.OutputParameters.filter(isObject) : [];
  return list.map((o) => {
    const type = text(o.OutputType, "String");
    const value = type === "Boolean" ? "true" : type === "Integer" || type === "Float" ? "0" : "ok";
    return { Name: text(o.OutputName), Value: value };
  });
}

defineRunner(["Lambda"], {
  async start(run, step, st) {
    resolvedArgs(run, step);
    const out = outputs(step);
    const fn = typeof step.raw.FunctionArn === "string" ? step.raw.FunctionArn : "";
    st.Metadata = { Lambda: { Arn: fn, OutputParameters: out } };
    st.xProps = { OutputParameters: Object.fromEntries(out.map((x) => [x.Name, x.Value])) };
    return Promise.resolve(durationBetween(run, 2, 10));
  },
});

defineRunner(["Callback"], {
  async start(run, step, st) {
    resolvedArgs(run, step);
    const token = shortId(() => run.ctx.random(), 10);
    const queue = typeof step.raw.SqsQueueUrl === "string" ? step.raw.SqsQueueUrl : undefined;
    st.Metadata = { Callback: { CallbackToken: token, ...(queue ? { SqsQueueUrl: queue } : {}) } };
    callbackTokens(run.ctx.state).set(token, { arn: run.exec.PipelineExecutionArn, step: step.Name });
    return Promise.resolve(undefined);
  },
});
