/**
 * Plausible, deterministic values for a metric a pipeline reads from a property file, chosen by the metric's
 * name: error metrics (mse, rmse, mae, logloss, …) are ≥ 0 and small, scores (accuracy, auc, f1, precision,
 * recall, r2, …) in their range, and a name the training step also reported takes the training's value.
 */
import { hash32, rng } from "../../../core/clock";

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Tokens that qualify a metric rather than name it: `mse.value`, `auc.standard_deviation`, `[0]`. */
const QUALIFIERS = new Set([
  "value",
  "values",
  "standard_deviation",
  "std",
  "stddev",
  "mean",
  "score",
  "metric",
]);
const ERROR =
  /(^|[_:-])(r?mse|mae|mape|smape|wape|log_?loss|loss|error|err|brier|(cross_)?entropy|deviance)($|[_:-])/;
const SQUARED = /(^|[_:-])mse$|mean_squared_error$/;
const ROOT_SQUARED = /(^|[_:-])rmse$|root_mean_squared_error$/;
const COUNT =
  /(^|_)(count|support|samples|n|tp|tn|fp|fn|true_positives?|false_positives?|true_negatives?|false_negatives?)$/;

/** The path's tokens, without brackets and quotes: `a['b'][0].c` → a, b, 0, c. */
export function pathTokens(path: string): string[] {
  return (path.match(/[^.[\]]+|\[(?:'[^']*'|"[^"]*"|\d+)\]/g) ?? []).map((t) =>
    t.startsWith("[") ? t.slice(1, -1).replace(/^['"]|['"]$/g, "") : t,
  );
}

/** The metric a path names: the last token that is neither a qualifier nor an index. */
export function metricOfPath(path: string): { metric: string; deviation: boolean } {
  const tokens = pathTokens(path).map((t) => t.toLowerCase());
  const last = tokens[tokens.length - 1] ?? "";
  const deviation = /standard_deviation|^std(dev)?$/.test(last);
  const metric = [...tokens].reverse().find((t) => !QUALIFIERS.has(t) && !/^\d+$/.test(t)) ?? "";
  return { metric, deviation };
}

/** A training metric with the same name (`validation:auc` for `auc`), derived where they are related. */
function fromTraining(metric: string, training: Record<string, number>): number | undefined {
  const find = (m: string) => training[`validation:${m}`] ?? training[`test:${m}`] ?? training[m];
  const direct = find(metric);
  if (direct !== undefined) return direct;
  if (SQUARED.test(metric)) {
    const rmse = find("rmse");
    if (rmse !== undefined) return rmse * rmse;
  }
  if (ROOT_SQUARED.test(metric)) return find("rmse");
  return undefined;
}

/** The value a property file holds at `path` (`seed` makes it deterministic per execution and step). */
export function plausibleValue(path: string, training: Record<string, number>, seed: string): number {
  const r = rng(hash32(`${seed}|${path}`));
  const { metric, deviation } = metricOfPath(path);
  if (deviation) return round4(0.002 + r() * 0.01);
  if (COUNT.test(metric)) return Math.round(100 + r() * 900);
  const isError = ERROR.test(metric);
  const trained = fromTraining(metric, training);
  // as an evaluation on held-out data would: close to the training's validation value, a little worse
  if (trained !== undefined) return round4(Math.max(0, trained + (r() * 0.008 + 0.002) * (isError ? 1 : -1)));
  if (isError) {
    const base = 0.05 + r() * 0.3;
    return round4(SQUARED.test(metric) ? base * base : base);
  }
  return round4(0.75 + r() * 0.2);
}
