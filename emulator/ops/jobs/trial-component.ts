/** The trial component SageMaker creates for each job, kept in step with the job's state. */
import { isObject, type JsonObject } from "../../core/json";
import type { Ctx } from "../../core/context";

export function parametersOf(
  hyper: JsonObject | undefined,
  extra: Record<string, string | number>,
): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(extra))
    out[k] = typeof v === "number" ? { NumberValue: v } : { StringValue: v };
  if (hyper)
    for (const [k, v] of Object.entries(hyper)) {
      if (typeof v !== "string") continue;
      const n = Number(v);
      out[k] = v.trim() !== "" && Number.isFinite(n) ? { NumberValue: n } : { StringValue: v };
    }
  return out;
}

export async function startTrialComponent(
  ctx: Ctx,
  name: string,
  sourceArn: string,
  sourceType: string,
  parameters: JsonObject,
  inputArtifacts: JsonObject,
  experimentConfig: JsonObject | undefined,
): Promise<void> {
  await ctx.call("_UpsertTrialComponent", {
    TrialComponentName: name,
    DisplayName:
      experimentConfig && typeof experimentConfig.TrialComponentDisplayName === "string"
        ? experimentConfig.TrialComponentDisplayName
        : name,
    Source: { SourceArn: sourceArn, SourceType: sourceType },
    Status: { PrimaryStatus: "InProgress", Message: "Status: InProgress" },
    StartTime: ctx.now(),
    Parameters: parameters,
    InputArtifacts: inputArtifacts,
  });
  if (experimentConfig && typeof experimentConfig.TrialName === "string")
    await ctx.call("AssociateTrialComponent", {
      TrialComponentName: name,
      TrialName: experimentConfig.TrialName,
    });
}

export async function finishTrialComponent(
  ctx: Ctx,
  name: string,
  status: string,
  message: string | undefined,
  outputArtifacts: JsonObject,
  metrics: { MetricName: string; Values: number[] }[],
  sourceArn: string,
): Promise<void> {
  await ctx.call("_UpsertTrialComponent", {
    TrialComponentName: name,
    Status: { PrimaryStatus: status, Message: message ?? `Status: ${status}` },
    EndTime: ctx.now(),
    OutputArtifacts: outputArtifacts,
  });
  if (metrics.length > 0)
    await ctx.call("_PutTrialComponentMetrics", {
      TrialComponentName: name,
      Metrics: metrics.map((m) => ({ ...m, TimeStamp: ctx.now(), SourceArn: sourceArn })),
    });
}

/** InputDataConfig / ProcessingInputs → artefacts keyed by channel or input name. */
export function inputArtifactsOf(
  list: unknown,
  nameKey: string,
  uriOf: (o: JsonObject) => unknown,
): JsonObject {
  const out: JsonObject = {};
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    if (!isObject(item)) continue;
    const n = item[nameKey];
    const uri = uriOf(item);
    if (typeof n === "string" && typeof uri === "string") out[n] = { Value: uri };
  }
  return out;
}
