/**
 * Internal operations (reachable only through `ctx.call`):
 * - `_UpsertTrialComponent`: training/processing jobs create or update their trial component;
 * - `_PutTrialComponentMetrics`: what the SageMaker Metrics service does — fold metric values into the
 *   component's `Metrics` summaries (no public SageMaker API sets them).
 */
import { isObject, type JsonObject, type JsonValue } from "../../core/json";
import { defineOperation } from "../../core/registry";
import { addTags, parseTags } from "../../core/tags";
import { Validator } from "../../core/validate";
import {
  ENTITY_NAME,
  trialComponentArn,
  trialComponents,
  who,
  type MetricSummary,
  type TrialComponentRecord,
} from "./model";
import { mustTrialComponent, putTrialComponent } from "./tc-index";
import { compact, readTrialComponentInput, readSource } from "./shapes";

defineOperation("_UpsertTrialComponent", (input, ctx) => {
  const v = new Validator(input);
  const { name, display, status, start, end, parameters, inputs, outputs, metadata } =
    readTrialComponentInput(v, input);
  v.done();
  const tags = parseTags(input.Tags);
  if (name === undefined) return {};
  const source = readSource(input.Source);
  const now = ctx.now();
  const existing = trialComponents(ctx.state).get(name);
  const tc: TrialComponentRecord = existing ?? {
    TrialComponentName: name,
    TrialComponentArn: trialComponentArn(name),
    DisplayName: display ?? name,
    CreationTime: now,
    LastModifiedTime: now,
  };
  if (!existing) {
    const by = who(ctx);
    if (by) tc.CreatedBy = by;
  }
  if (display !== undefined) tc.DisplayName = display;
  if (source) tc.Source = source;
  if (status) tc.Status = { ...tc.Status, ...status };
  if (start !== undefined) tc.StartTime = start;
  if (end !== undefined) tc.EndTime = end;
  if (parameters) tc.Parameters = { ...tc.Parameters, ...parameters };
  if (inputs) tc.InputArtifacts = { ...tc.InputArtifacts, ...inputs };
  if (outputs) tc.OutputArtifacts = { ...tc.OutputArtifacts, ...outputs };
  if (metadata) tc.MetadataProperties = { ...tc.MetadataProperties, ...metadata };
  tc.LastModifiedTime = now;
  const by = who(ctx);
  if (by) tc.LastModifiedBy = by;
  putTrialComponent(ctx.state, compact(tc));
  if (tags.length) addTags(ctx.state, tc.TrialComponentArn, tags);
  return { TrialComponentArn: tc.TrialComponentArn };
});

/** Summary statistics of a metric's values, in step order (sample standard deviation). */
export function summarize(
  values: number[],
): Pick<MetricSummary, "Max" | "Min" | "Last" | "Count" | "Avg" | "StdDev"> {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const avg = sum / n;
  let sq = 0;
  for (const x of values) sq += (x - avg) * (x - avg);
  return {
    Max: max,
    Min: min,
    Last: values[n - 1] ?? 0,
    Count: n,
    Avg: avg,
    StdDev: n > 1 ? Math.sqrt(sq / (n - 1)) : 0,
  };
}

defineOperation("_PutTrialComponentMetrics", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrialComponentName", { required: true, ...ENTITY_NAME });
  const metrics = v.array("Metrics", { required: true }) ?? [];
  const parsed: { name: string; values: number[]; at?: number; sourceArn?: string }[] = [];
  metrics.forEach((m: JsonValue, i) => {
    const path = `Metrics.${i + 1}.member`;
    if (!isObject(m)) {
      v.fail(`Value at '${path}' failed to satisfy constraint: Member must be a structure`);
      return;
    }
    const metricName = v.string("MetricName", { required: true, min: 1, max: 255 }, m, `${path}.MetricName`);
    const values = (v.array("Values", { required: true, min: 1 }, m, `${path}.Values`) ?? []).filter(
      (x): x is number => typeof x === "number" && Number.isFinite(x),
    );
    const at = v.timestamp("TimeStamp", {}, m, `${path}.TimeStamp`);
    const sourceArn = v.string("SourceArn", { max: 256 }, m, `${path}.SourceArn`);
    if (metricName !== undefined && values.length > 0)
      parsed.push({ name: metricName, values, at, sourceArn });
  });
  v.done();
  const tc = mustTrialComponent(ctx.state, name ?? "");
  const byName = new Map((tc.Metrics ?? []).map((m) => [m.MetricName, m]));
  for (const p of parsed) {
    const summary: MetricSummary = {
      MetricName: p.name,
      ...(p.sourceArn !== undefined ? { SourceArn: p.sourceArn } : {}),
      TimeStamp: p.at ?? ctx.now(),
      ...summarize(p.values),
    };
    byName.set(p.name, summary);
  }
  tc.Metrics = [...byName.values()];
  putTrialComponent(ctx.state, tc);
  const out: JsonObject = {};
  return out;
});
