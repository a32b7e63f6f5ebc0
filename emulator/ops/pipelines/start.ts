/** StartPipelineExecution (and the seeder's `_StartPipelineExecution`): parameters, limits, experiment and trial. */
import { arn, shortId } from "../../core/arn";
import { scaled } from "../../core/clock";
import type { Ctx } from "../../core/context";
import { limitExceeded, validation } from "../../core/errors";
import { idempotent } from "../../core/idempotency";
import { isObject, type JsonObject } from "../../core/json";
import { defineOperation } from "../../core/registry";
import { Validator } from "../../core/validate";
import { parallelism, TOKEN, withoutToken } from "./common";
import { definitionOf, type Definition } from "./engine/definition";
import { evaluate } from "./engine/expressions";
import { advance } from "./engine/scheduler";
import { scopeFor, tryCall } from "./engine/run";
import { versionOf } from "./pipelines";
import { parseSelective, prepareSelective } from "./selective";
import {
  activeExecutions,
  executionIndex,
  executions,
  findPipeline,
  nextSeq,
  pipelineKey,
  pipelines,
  pipelineVersions,
  saveExecution,
  versionKey,
  type ExecutionRecord,
} from "./records";

/** Concurrently Executing executions allowed per pipeline. */
export const MAX_CONCURRENT = (() => {
  const n = Number(process.env.EMULATOR_PIPELINE_MAX_CONCURRENT_EXECUTIONS ?? "200");
  return Number.isInteger(n) && n > 0 ? n : 200;
})();

/** Simulated seconds → wall seconds for live executions (a demo run takes about a minute at speed 1). */
export const LIVE_PACE = scaled(0.2);

export const EXEC_ARN = /^arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:pipeline\/.*\/execution\/.*$/;

/** Checks overrides against the definition and returns every parameter's value as a string. */
export function resolveParameters(def: Definition, given: { Name: string; Value: string }[]) {
  const out: { Name: string; Value: string }[] = [];
  for (const g of given)
    if (!def.params.some((p) => p.Name === g.Name))
      throw validation(`Parameter '${g.Name}' is not defined in the pipeline definition.`);
  const seen = new Set<string>();
  for (const g of given) {
    if (seen.has(g.Name)) throw validation(`Parameter '${g.Name}' is specified more than once.`);
    seen.add(g.Name);
  }
  for (const p of def.params) {
    const g = given.find((x) => x.Name === p.Name);
    let value: string;
    if (g) {
      value = g.Value;
      const ok =
        p.Type === "Integer"
          ? /^[-+]?\d+$/.test(value.trim())
          : p.Type === "Float"
            ? value.trim() !== "" && Number.isFinite(Number(value))
            : p.Type === "Boolean"
              ? /^(true|false)$/i.test(value)
              : true;
      if (!ok) throw validation(`Value '${value}' for parameter '${p.Name}' is not a valid ${p.Type}.`);
      if (p.EnumValues && p.EnumValues.length > 0 && !p.EnumValues.includes(value))
        throw validation(
          `Value '${value}' for parameter '${p.Name}' is not one of the allowed values [${p.EnumValues.join(", ")}].`,
        );
    } else if (p.DefaultValue !== undefined) {
      value = typeof p.DefaultValue === "string" ? p.DefaultValue : JSON.stringify(p.DefaultValue);
    } else {
      throw validation(`Parameter '${p.Name}' has no default value; specify a value for it.`);
    }
    out.push({ Name: p.Name, Value: value });
  }
  return out;
}

function parseOverrides(v: Validator): { Name: string; Value: string }[] {
  const list = v.array("PipelineParameters", { max: 200 }) ?? [];
  return list.map((p, i) => {
    const path = `PipelineParameters.${i + 1}.member`;
    const o = isObject(p) ? p : {};
    const name = v.string(
      "Name",
      { required: true, min: 1, max: 256, pattern: /^[A-Za-z0-9\-_]*$/ },
      o,
      `${path}.Name`,
    );
    const value = v.string("Value", { required: true, max: 1024 }, o, `${path}.Value`);
    return { Name: name ?? "", Value: value ?? "" };
  });
}

async function ensureExperiment(ctx: Ctx, exec: ExecutionRecord): Promise<void> {
  const c = exec.PipelineExperimentConfig;
  if (!c?.ExperimentName || !c.TrialName) return;
  try {
    await tryCall(ctx, "DescribeExperiment", { ExperimentName: c.ExperimentName });
  } catch {
    await tryCall(ctx, "CreateExperiment", { ExperimentName: c.ExperimentName }).catch(() => undefined);
  }
  await tryCall(ctx, "CreateTrial", { TrialName: c.TrialName, ExperimentName: c.ExperimentName }).catch(
    () => undefined,
  );
}

/** Starts an execution; `pace` is wall seconds per simulated second (the seeder runs history at 1). */
export async function startExecution(input: JsonObject, ctx: Ctx, pace: number): Promise<JsonObject> {
  const v = new Validator(input);
  const name = v.string("PipelineName", { required: true, min: 1, max: 2048 });
  v.string("PipelineExecutionDisplayName", {
    min: 1,
    max: 82,
    pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/,
  });
  v.string("PipelineExecutionDescription", { max: 3072 });
  const token = v.string("ClientRequestToken", { required: true, ...TOKEN });
  const version = v.number("PipelineVersionId", { min: 1, integer: true });
  const pc = parallelism(v);
  const overrides = parseOverrides(v);
  const selective = parseSelective(v);
  v.done();
  return idempotent(ctx, "StartPipelineExecution", token, withoutToken(input), async () => {
    const p = findPipeline(ctx.state, name ?? "");
    const ver = versionOf(ctx, p, version ?? p.PipelineVersionId);
    const def = definitionOf(ver.PipelineDefinition);
    const params = resolveParameters(def, overrides);
    const chosen = selective ? prepareSelective(ctx, p, def, selective) : undefined;
    const prefix = `${p.PipelineArn}/execution/`;
    let running = 0;
    for (const a of activeExecutions(ctx.state).keys()) if (a.startsWith(prefix)) running++;
    if (running >= MAX_CONCURRENT)
      throw limitExceeded(
        `The account-level service limit 'Maximum number of concurrent pipeline executions per pipeline' is ${MAX_CONCURRENT} Pipeline Executions, with current utilization of ${running} Pipeline Executions and a request delta of 1 Pipeline Executions. Please use AWS Service Quotas to request an increase for this quota.`,
      );
    const now = ctx.now();
    let id = shortId(() => ctx.random());
    while (executions(ctx.state).has(`${prefix}${id}`)) id = shortId(() => ctx.random());
    const exec: ExecutionRecord = {
      PipelineArn: p.PipelineArn,
      PipelineName: p.PipelineName,
      PipelineExecutionArn: arn("pipeline", p.PipelineName, "execution", id),
      ExecutionId: id,
      PipelineExecutionDisplayName:
        typeof input.PipelineExecutionDisplayName === "string"
          ? input.PipelineExecutionDisplayName
          : `execution-${Math.round(now * 1000)}`,
      PipelineExecutionStatus: "Executing",
      CreationTime: now,
      LastModifiedTime: now,
      CreatedBy: ctx.identity,
      LastModifiedBy: ctx.identity,
      PipelineVersionId: ver.PipelineVersionId,
      PipelineParameters: params,
      Steps: chosen?.reused ?? [],
      ...(selective && chosen ? { SelectiveExecutionConfig: selective, xSelected: chosen.selected } : {}),
      xPace: pace,
      xSeq: nextSeq(ctx.state),
      ...(typeof input.PipelineExecutionDescription === "string"
        ? { PipelineExecutionDescription: input.PipelineExecutionDescription }
        : {}),
    };
    const parallel = pc ?? p.ParallelismConfiguration;
    if (parallel) exec.ParallelismConfiguration = parallel;
    const cfg = def.experimentConfig ?? {
      ExperimentName: { Get: "Execution.PipelineName" },
      TrialName: { Get: "Execution.PipelineExecutionId" },
    };
    const run = { ctx, exec, def };
    const resolved = evaluate(cfg, scopeFor(run));
    if (isObject(resolved)) {
      const en =
        typeof resolved.ExperimentName === "string" ? resolved.ExperimentName.slice(0, 120) : undefined;
      const tn = typeof resolved.TrialName === "string" ? resolved.TrialName.slice(0, 120) : undefined;
      exec.PipelineExperimentConfig = {
        ...(en ? { ExperimentName: en } : {}),
        ...(tn ? { TrialName: tn } : {}),
      };
    }
    saveExecution(ctx.state, exec);
    const key = pipelineKey(p.PipelineName);
    const index = executionIndex(ctx.state).get(key) ?? [];
    index.push(exec.PipelineExecutionArn);
    executionIndex(ctx.state).set(key, index);
    p.LastRunTime = now;
    pipelines(ctx.state).set(key, p);
    ver.LastExecutionPipelineExecutionArn = exec.PipelineExecutionArn;
    pipelineVersions(ctx.state).set(versionKey(p.PipelineName, ver.PipelineVersionId), ver);
    await ensureExperiment(ctx, exec);
    activeExecutions(ctx.state).set(exec.PipelineExecutionArn, now);
    await advance(ctx, exec.PipelineExecutionArn);
    return { PipelineExecutionArn: exec.PipelineExecutionArn };
  });
}

defineOperation("StartPipelineExecution", (input, ctx) => startExecution(input, ctx, LIVE_PACE));
/** Internal: the seeder's start, with realistic durations on its virtual clock. */
defineOperation("_StartPipelineExecution", (input, ctx) => {
  const { xPace, ...rest } = input;
  return startExecution(rest, ctx, typeof xPace === "number" ? xPace : LIVE_PACE);
});
