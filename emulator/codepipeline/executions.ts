/** StartPipelineExecution, StopPipelineExecution, RetryStageExecution, GetPipelineExecution, ListPipelineExecutions. */
import { defineOperation, defineTicker } from "../core/registry";
import { AwsError } from "../core/errors";
import { Validator } from "../core/validate";
import { copy, isObject } from "../core/json";
import { idempotent } from "../core/idempotency";
import type { Ctx } from "../core/context";
import { PIPELINE_NAME } from "./declaration";
import { advance, startExecution } from "./engine";
import { restartGroup } from "./retry";
import { op, page } from "./pipelines";
import {
  active,
  executions,
  executionsOf,
  pipelines,
  requireExecution,
  requirePipeline,
  saveExecution,
  stagesOf,
  text,
  type ExecutionRecord,
} from "./store";

const EXECUTION_ID = {
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  patternText: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
};
export const PIPELINE = { required: true, ...PIPELINE_NAME };
export const EXECUTION = { required: true, ...EXECUTION_ID };

/** Brings every moving execution of the pipeline (or of the account) up to the clock. */
export async function catchUp(ctx: Ctx, pipeline?: string): Promise<void> {
  for (const k of [...active(ctx.state).keys()]) {
    if (pipeline !== undefined && !k.startsWith(`${pipeline}/`)) continue;
    const e = executions(ctx.state).get(k);
    const p = e ? pipelines(ctx.state).get(e.pipelineName) : undefined;
    if (!e || !p) {
      active(ctx.state).delete(k);
      continue;
    }
    await advance(ctx, p, copy(e));
  }
}

defineTicker("codepipeline.executions", (ctx) => catchUp(ctx));

defineOperation(op("StartPipelineExecution"), async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("name", PIPELINE) ?? "";
  const token = v.string("clientRequestToken", { min: 1, max: 128, pattern: /^[a-zA-Z0-9-]+$/ });
  const vars = v.array("variables", { min: 1, max: 50 }) ?? [];
  vars.forEach((x, i) => {
    const o = isObject(x) ? x : {};
    v.string(
      "name",
      { required: true, min: 1, max: 128, pattern: /^[A-Za-z0-9@\-_]+$/ },
      o,
      `variables.${i + 1}.member.name`,
    );
    v.string("value", { required: true, min: 1, max: 1000 }, o, `variables.${i + 1}.member.value`);
  });
  v.done();
  const { clientRequestToken: _t, ...rest } = input;
  return idempotent(ctx, "codepipeline:StartPipelineExecution", token, rest, async () => {
    const p = requirePipeline(ctx, name);
    const variables = vars.map((x) =>
      isObject(x) ? { name: text(x.name), value: text(x.value) } : { name: "", value: "" },
    );
    const declared = ((p.declaration.variables ?? []) as { name: string }[]).map((d) => d.name);
    const unknown = variables.find((x) => !declared.includes(x.name));
    if (unknown)
      throw new AwsError(
        "ValidationException",
        `Variable '${unknown.name}' is not declared in the pipeline '${name}'`,
      );
    const e = await startExecution(ctx, p, {
      trigger: {
        triggerType: "StartPipelineExecution",
        triggerDetail: String(ctx.identity.IamIdentity?.Arn ?? ""),
      },
      variables,
    });
    return { pipelineExecutionId: e.pipelineExecutionId };
  });
});

defineOperation(op("StopPipelineExecution"), async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("pipelineName", PIPELINE) ?? "";
  const id = v.string("pipelineExecutionId", EXECUTION) ?? "";
  const abandon = v.boolean("abandon") ?? false;
  const reason = v.string("reason", { max: 200 });
  v.done();
  const p = requirePipeline(ctx, name);
  await catchUp(ctx, name);
  const e = copy(requireExecution(ctx, name, id));
  if (e.status === "Stopping" && (e.stopping?.abandon || !abandon))
    throw new AwsError(
      "DuplicatedStopRequestException",
      `Pipeline execution ${id} is already in a Stopping state${e.stopping?.abandon ? " (stop and abandon)" : "; only stop and abandon can still be requested"}.`,
    );
  if (e.status !== "InProgress" && e.status !== "Stopping")
    throw new AwsError(
      "PipelineExecutionNotStoppableException",
      `Unable to stop pipeline execution ${id}: it is ${e.status}, not in progress.`,
    );
  e.status = "Stopping";
  e.stopping = { abandon };
  e.stopTrigger = reason ? { reason } : {};
  e.lastUpdateTime = ctx.now();
  saveExecution(ctx, e);
  await advance(ctx, p, e);
  return { pipelineExecutionId: id };
});

defineOperation(op("RetryStageExecution"), async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("pipelineName", PIPELINE) ?? "";
  const stageName = v.string("stageName", { required: true, ...PIPELINE_NAME }) ?? "";
  const id = v.string("pipelineExecutionId", EXECUTION) ?? "";
  const mode = v.string("retryMode", { required: true, enum: ["FAILED_ACTIONS", "ALL_ACTIONS"] });
  v.done();
  const p = requirePipeline(ctx, name);
  const decl = stagesOf(p).find((s) => s.name === stageName);
  if (!decl)
    throw new AwsError("StageNotFoundException", `Stage '${stageName}' does not exist in pipeline '${name}'`);
  await catchUp(ctx, name);
  const e = copy(requireExecution(ctx, name, id));
  const stage = e.stages[e.stages.length - 1];
  if (e.status !== "Failed" || stage?.stageName !== stageName || stage.status !== "Failed")
    throw new AwsError(
      "StageNotRetryableException",
      `Stage '${stageName}' of execution ${id} cannot be retried: it has not failed in that execution.`,
    );
  const later = executionsOf(ctx, name).find(
    (x) => x.startTime > e.startTime && x.stages.some((s) => s.stageName === stageName),
  );
  if (later)
    throw new AwsError(
      "NotLatestPipelineExecutionException",
      `Execution ${id} is not the latest to run stage '${stageName}' (${later.pipelineExecutionId} is).`,
    );
  const now = ctx.now();
  const orders = [...new Set(decl.actions.map((a) => a.runOrder ?? 1))].sort((a, b) => a - b);
  const order = mode === "ALL_ACTIONS" ? (orders[0] ?? 1) : (stage.runOrder ?? 1);
  e.status = "InProgress";
  e.lastUpdateTime = now;
  stage.status = "InProgress";
  stage.runOrder = order;
  stage.retryAttempt = (typeof stage.retryAttempt === "number" ? stage.retryAttempt : 0) + 1;
  await restartGroup(ctx, p, e, decl, order, mode === "ALL_ACTIONS", now);
  saveExecution(ctx, e);
  await advance(ctx, p, e);
  return { pipelineExecutionId: id };
});

export function executionSummary(e: ExecutionRecord) {
  return {
    pipelineExecutionId: e.pipelineExecutionId,
    status: e.status,
    ...(e.statusSummary ? { statusSummary: e.statusSummary } : {}),
    startTime: e.startTime,
    lastUpdateTime: e.lastUpdateTime,
    trigger: e.trigger,
    ...(e.stopTrigger ? { stopTrigger: e.stopTrigger } : {}),
    executionMode: e.executionMode,
    executionType: "STANDARD",
  };
}

defineOperation(op("GetPipelineExecution"), async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("pipelineName", PIPELINE) ?? "";
  const id = v.string("pipelineExecutionId", EXECUTION) ?? "";
  v.done();
  requirePipeline(ctx, name);
  await catchUp(ctx, name);
  const e = requireExecution(ctx, name, id);
  return {
    pipelineExecution: {
      pipelineName: e.pipelineName,
      pipelineVersion: e.pipelineVersion,
      pipelineExecutionId: e.pipelineExecutionId,
      status: e.status,
      ...(e.statusSummary ? { statusSummary: e.statusSummary } : {}),
      artifactRevisions: [],
      ...(e.variables ? { variables: e.variables } : {}),
      trigger: e.trigger,
      executionMode: e.executionMode,
      executionType: "STANDARD",
    },
  };
});

defineOperation(op("ListPipelineExecutions"), async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("pipelineName", PIPELINE) ?? "";
  const max = v.number("maxResults", { integer: true, min: 1, max: 100 }) ?? 100;
  const filter = v.object("filter");
  v.done();
  requirePipeline(ctx, name);
  await catchUp(ctx, name);
  const succeededIn = isObject(filter?.succeededInStage)
    ? text(filter.succeededInStage.stageName)
    : undefined;
  const all = executionsOf(ctx, name).filter(
    (e) =>
      succeededIn === undefined ||
      e.stages.some((s) => s.stageName === succeededIn && s.status === "Succeeded"),
  );
  const pg = page(all, input.nextToken, max, { name, succeededIn });
  return {
    pipelineExecutionSummaries: pg.items.map(executionSummary),
    ...(pg.nextToken ? { nextToken: pg.nextToken } : {}),
  };
});
