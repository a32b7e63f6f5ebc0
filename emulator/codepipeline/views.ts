/** GetPipelineState (each stage's latest execution, each action's latest run, the approval token) and ListActionExecutions. */
import { defineOperation } from "../core/registry";
import { Validator } from "../core/validate";
import { isObject, type JsonObject } from "../core/json";
import { REGION } from "../core/arn";
import { catchUp, EXECUTION, PIPELINE } from "./executions";
import { op, page } from "./pipelines";
import {
  executionsOf,
  requireExecution,
  requirePipeline,
  stagesOf,
  text,
  type ActionRun,
  type PipelineRecord,
  type ExecutionRecord,
} from "./store";

const EXECUTION_OPTIONAL = { ...EXECUTION, required: false };

function actionExecution(run: ActionRun): JsonObject {
  return {
    actionExecutionId: run.actionExecutionId,
    status: run.status,
    ...(run.summary ? { summary: run.summary } : {}),
    lastStatusChange: run.lastUpdateTime,
    ...(run.token && run.status === "InProgress" ? { token: run.token } : {}),
    ...(run.updatedBy ? { lastUpdatedBy: run.updatedBy } : {}),
    ...(run.externalExecutionId ? { externalExecutionId: run.externalExecutionId } : {}),
    ...(run.errorDetails ? { errorDetails: run.errorDetails } : {}),
  };
}

defineOperation(op("GetPipelineState"), async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("name", PIPELINE) ?? "";
  v.done();
  const p = requirePipeline(ctx, name);
  await catchUp(ctx, name);
  const all = executionsOf(ctx, name);
  const stageStates = stagesOf(p).map((s) => {
    // the newest execution that entered the stage, and each action's newest run anywhere
    let entered: { e: ExecutionRecord; status: string; at: number } | undefined;
    for (const e of all)
      for (const st of e.stages)
        if (st.stageName === s.name && (!entered || st.startTime > entered.at))
          entered = { e, status: st.status, at: st.startTime };
    const actionStates = s.actions.map((a) => {
      let latest: ActionRun | undefined;
      for (const e of all)
        for (const r of e.actions)
          if (
            r.stageName === s.name &&
            r.actionName === a.name &&
            (!latest || r.startTime >= latest.startTime)
          )
            latest = r;
      return { actionName: a.name, ...(latest ? { latestExecution: actionExecution(latest) } : {}) };
    });
    const stageExecution = entered
      ? { pipelineExecutionId: entered.e.pipelineExecutionId, status: entered.status, type: "STANDARD" }
      : undefined;
    return {
      stageName: s.name,
      inboundTransitionState: { enabled: true },
      actionStates,
      ...(stageExecution ? { latestExecution: stageExecution, inboundExecutions: [] } : {}),
    };
  });
  return {
    pipelineName: name,
    pipelineVersion: p.declaration.version,
    stageStates,
    created: p.created,
    updated: p.updated,
  };
});

function detail(p: PipelineRecord, e: ExecutionRecord, r: ActionRun): JsonObject {
  const decl = stagesOf(p)
    .find((s) => s.name === r.stageName)
    ?.actions.find((a) => a.name === r.actionName);
  const result: JsonObject = {
    ...(r.externalExecutionId ? { externalExecutionId: r.externalExecutionId } : {}),
    ...(r.externalExecutionSummary || r.summary
      ? { externalExecutionSummary: r.externalExecutionSummary ?? r.summary }
      : {}),
    ...(r.errorDetails ? { errorDetails: r.errorDetails } : {}),
  };
  return {
    pipelineExecutionId: e.pipelineExecutionId,
    actionExecutionId: r.actionExecutionId,
    pipelineVersion: e.pipelineVersion,
    stageName: r.stageName,
    actionName: r.actionName,
    startTime: r.startTime,
    lastUpdateTime: r.lastUpdateTime,
    ...(r.updatedBy ? { updatedBy: r.updatedBy } : {}),
    status: r.status,
    input: {
      ...(decl ? { actionTypeId: decl.actionTypeId } : {}),
      configuration: decl?.configuration ?? {},
      resolvedConfiguration: r.resolvedConfiguration ?? {},
      ...(decl?.roleArn ? { roleArn: decl.roleArn } : {}),
      region: decl?.region ?? REGION,
      inputArtifacts: [],
      ...(decl?.namespace ? { namespace: decl.namespace } : {}),
    },
    output: {
      outputArtifacts: [],
      executionResult: result,
      outputVariables: r.outputVariables ?? {},
    },
  };
}

defineOperation(op("ListActionExecutions"), async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("pipelineName", PIPELINE) ?? "";
  const filter = v.object("filter");
  const max = v.number("maxResults", { integer: true, min: 1, max: 100 }) ?? 100;
  const id = filter
    ? v.string("pipelineExecutionId", EXECUTION_OPTIONAL, filter, "filter.pipelineExecutionId")
    : undefined;
  v.done();
  const p = requirePipeline(ctx, name);
  await catchUp(ctx, name);
  const latest = isObject(filter?.latestInPipelineExecution) ? filter.latestInPipelineExecution : undefined;
  const only = id ?? (latest ? text(latest.pipelineExecutionId) : undefined);
  const execs = only !== undefined ? [requireExecution(ctx, name, only)] : executionsOf(ctx, name);
  const rows = execs
    .flatMap((e) => e.actions.map((r) => ({ e, r })))
    .sort((a, b) => b.r.startTime - a.r.startTime || b.e.actions.indexOf(b.r) - a.e.actions.indexOf(a.r));
  const pg = page(rows, input.nextToken, max, { name, only });
  return {
    actionExecutionDetails: pg.items.map(({ e, r }) => detail(p, e, r)),
    ...(pg.nextToken ? { nextToken: pg.nextToken } : {}),
  };
});
