/**
 * Simulated training: deterministic metrics that respond to hyperparameters and input data, and
 * SageMaker-like `ClientError` failures for invalid hyperparameters.
 */
import { show } from "./text";
import { hash32, rng } from "../../../core/clock";
import { isObject, type JsonObject, type JsonValue } from "../../../core/json";

/** Numeric hyperparameters we understand: [min, max, integer]. */
const NUMERIC: Record<string, [number, number, boolean]> = {
  max_depth: [0, 20, true],
  eta: [0, 1, false],
  num_round: [1, 10000, true],
  min_child_weight: [0, 1e6, false],
  subsample: [0, 1, false],
  colsample_bytree: [0, 1, false],
  gamma: [0, 1e6, false],
  alpha: [0, 1e6, false],
  lambda: [0, 1e6, false],
  learning_rate: [0, 1, false],
  epochs: [1, 10000, true],
  batch_size: [1, 1e6, true],
};

/** `ClientError: …` for an invalid hyperparameter, as the built-in algorithms report it. */
export function hyperparameterError(hp: Record<string, string>): string | undefined {
  for (const [name, [min, max, integer]] of Object.entries(NUMERIC)) {
    const raw = hp[name];
    if (raw === undefined) continue;
    const v = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(v))
      return `ClientError: Hyperparameter '${name}': value '${raw}' is not a valid ${integer ? "integer" : "float"}.`;
    if (integer && !Number.isInteger(v))
      return `ClientError: Hyperparameter '${name}': value '${raw}' is not a valid integer.`;
    if (v < min || v > max)
      return `ClientError: Hyperparameter '${name}': value ${raw} is out of range; expected a value in [${min}, ${max}].`;
  }
  return undefined;
}

export function stringMap(v: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v))
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null) out[k] = show(x);
  return out;
}

/** The metric the training optimises: `eval_metric` / `objective` hints, else auc. */
export function primaryMetric(hp: Record<string, string>): string {
  const m = hp.eval_metric ?? "";
  if (/ndcg/i.test(m) || /rank/i.test(hp.objective ?? "")) return "ndcg";
  if (/rmse/i.test(m) || /reg:/i.test(hp.objective ?? "")) return "rmse";
  return "auc";
}

export interface TrainingResult {
  metric: string;
  /** final values by metric name, e.g. validation:auc */
  final: Record<string, number>;
  /** per-round curves for the trial component */
  steps: Record<string, number[]>;
  /** simulated seconds */
  duration: number;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * Quality peaks at moderate max_depth (~6) and eta (~0.2), degrades at extremes; the ceiling depends on
 * the input data (hash of its URI). Same input + hyperparameters → same metrics.
 */
export function simulateTraining(inputUri: string, hp: Record<string, string>, instanceType: string) {
  const metric = primaryMetric(hp);
  const seed = hash32(
    `${inputUri}|${Object.keys(hp)
      .sort()
      .map((k) => `${k}=${hp[k]}`)
      .join(",")}`,
  );
  const r = rng(seed);
  const data = (hash32(inputUri) % 1000) / 1000; // dataset "difficulty" 0–1
  const md = Number(hp.max_depth ?? 6);
  const eta = Number(hp.eta ?? hp.learning_rate ?? 0.2);
  const rounds = Number(hp.num_round ?? hp.epochs ?? 100);
  const quality =
    0.02 * ((md - 6) / 4) ** 2 + 0.03 * Math.log(Math.max(eta, 1e-4) / 0.2) ** 2 + (rounds < 30 ? 0.02 : 0);
  const noise = (r() - 0.5) * 0.01;
  let value: number;
  if (metric === "ndcg") value = 0.42 + 0.12 * data - quality * 1.5 + noise;
  else if (metric === "rmse") value = 0.8 - 0.3 * data + quality * 3 + noise;
  else value = 0.86 + 0.11 * data - quality + noise;
  value = round4(Math.min(0.995, Math.max(0.05, value)));
  const overfit = Math.max(0, (md - 6) * 0.006) + 0.01;
  const trainValue = round4(
    metric === "rmse" ? Math.max(0.01, value - overfit) : Math.min(0.999, value + overfit),
  );
  const final: Record<string, number> = {
    [`validation:${metric}`]: value,
    [`train:${metric}`]: trainValue,
  };
  if (metric === "auc") final["validation:logloss"] = round4(Math.max(0.05, 1.2 * (1 - value) + 0.1 + noise));
  const steps: Record<string, number[]> = {};
  const points = 10;
  for (const [name, v] of Object.entries(final)) {
    const start = name.endsWith("logloss") || metric === "rmse" ? v * 1.8 : v * 0.7;
    steps[name] = Array.from({ length: points }, (_, i) => round4(start + ((v - start) * (i + 1)) / points));
  }
  const big = /\.(2|4|8|12|16|24)xlarge$/.test(instanceType) ? 0.6 : 1;
  const duration = Math.round((60 + Math.min(rounds, 500) * 0.25 + md * 4 + r() * 40) * big);
  return { metric, final, steps, duration } satisfies TrainingResult;
}

/** The section of SageMaker's standard evaluation formats a metric belongs to (ranking metrics have none). */
export function standardSection(metric: string): string | undefined {
  if (["auc", "logloss", "accuracy", "f1", "precision", "recall"].includes(metric))
    return "binary_classification_metrics";
  if (["rmse", "mse", "mae", "r2"].includes(metric)) return "regression_metrics";
  return undefined;
}

/** Where a metric's value sits in the evaluation report: its standard section, else the team's own `metrics`. */
export const reportPath = (metric: string): string =>
  `${standardSection(metric) ?? "metrics"}.${metric}.value`;

/**
 * Evaluation report as a processing script would write it, in SageMaker's standard formats
 * (`{"binary_classification_metrics": {"auc": {"value", "standard_deviation"}}}`, `regression_metrics`, the format
 * real pipelines reference from ModelMetrics); a metric with no standard section (ndcg) goes under `metrics`.
 */
export function evaluationReport(trainingFinal: Record<string, number>, seedText: string): JsonObject {
  const r = rng(hash32(seedText));
  const report: JsonObject = {};
  for (const [name, v] of Object.entries(trainingFinal)) {
    if (!name.startsWith("validation:")) continue;
    const m = name.slice("validation:".length);
    const lowerIsBetter = m === "rmse" || m === "logloss";
    const gap = (r() * 0.008 + 0.002) * (lowerIsBetter ? -1 : 1);
    const entry = { value: round4(v - gap), standard_deviation: round4(0.002 + r() * 0.01) };
    const sec = (report[standardSection(m) ?? "metrics"] ??= {}) as JsonObject;
    sec[m] = entry;
    if (m === "rmse")
      sec.mse = { value: round4(entry.value * entry.value), standard_deviation: entry.standard_deviation };
  }
  return report;
}
