/**
 * The per-round (XGBoost) or per-epoch (framework script) lines of a training job, converging on the job's final
 * metrics: the last round prints exactly the values in FinalMetricDataList.
 */
import { rng, hash32 } from "../core/clock";
import type { JobSource, Metric } from "./sources";

/** Lines a training writes at most (a stream this long pages like any other). */
export const MAX_LINES = 1_000_000;
/** Samples per epoch of a framework script (the MNIST-sized data set of the SageMaker PyTorch examples). */
const SAMPLES = 60_000;

const lowerIsBetter = (name: string) => /loss|rmse|mse|mae|error/i.test(name);

function intParam(hp: Record<string, string>, names: string[], fallback: number): number {
  for (const n of names) {
    const v = Number(hp[n]);
    if (hp[n] !== undefined && Number.isInteger(v) && v > 0) return v;
  }
  return fallback;
}

/** The metric's value after `done` of `total` rounds, on a curve that ends exactly at the final value. */
function valueAt(m: Metric, done: number, total: number, noise: number): number {
  const start = lowerIsBetter(m.name) ? m.value * 1.8 + 0.05 : m.value * 0.7;
  if (done >= total) return m.value;
  const k = 5;
  const f = (1 - Math.exp((-k * done) / total)) / (1 - Math.exp(-k));
  const v = start + (m.value - start) * f + noise * Math.abs(m.value) * 0.004 * (1 - done / total);
  return Math.max(0, v);
}

const fmt = (v: number) => String(Math.round(v * 100000) / 100000);

/** A metric name as XGBoost prints it: `validation:auc` → `validation-auc`, train first. */
function ordered(metrics: Metric[]): Metric[] {
  return [...metrics].sort(
    (a, b) => Number(a.name.startsWith("validation")) - Number(b.name.startsWith("validation")),
  );
}

export interface BodyPlan {
  count: number;
  line(i: number): string;
}

/** XGBoost (`num_round`, the built-in algorithm): one line per round. */
function xgboost(src: JobSource): BodyPlan {
  const rounds = Math.min(MAX_LINES, intParam(src.hyperParameters, ["num_round"], 100));
  const metrics = ordered(src.metrics);
  const r = rng(hash32(src.name));
  const noise = Array.from({ length: 64 }, () => r() - 0.5);
  return {
    count: rounds,
    line: (i) =>
      `[${i}]` +
      metrics
        .map((m) => `#011${m.name.replace(":", "-")}:${fmt(valueAt(m, i + 1, rounds, noise[i % 64] ?? 0))}`)
        .join(""),
  };
}

/** A framework script (`epochs`, `batch-size`, `log-interval` as in the SageMaker PyTorch MNIST example). */
function epochs(src: JobSource): BodyPlan {
  const hp = src.hyperParameters;
  const total = intParam(hp, ["epochs"], 10);
  const batch = intParam(hp, ["batch-size", "batch_size"], 64);
  const interval = intParam(hp, ["log-interval", "log_interval"], 100);
  const batches = Math.ceil(SAMPLES / batch);
  const perEpoch = Math.ceil(batches / interval) + 1;
  const count = Math.min(MAX_LINES, total * perEpoch);
  const metrics = ordered(src.metrics);
  return {
    count,
    line: (i) => {
      const epoch = Math.floor(i / perEpoch) + 1;
      const k = i % perEpoch;
      const progress = (epoch - 1 + k / perEpoch) / total;
      if (k < perEpoch - 1) {
        const seen = Math.min(SAMPLES, k * interval * batch);
        const loss = 2.3 * Math.exp(-4 * progress) + 0.02 + ((i * 7919) % 100) / 5000;
        return `Train Epoch: ${epoch} [${seen}/${SAMPLES} (${Math.round((100 * seen) / SAMPLES)}%)]\tLoss: ${loss.toFixed(6)}`;
      }
      const values = metrics.map((m) => `${m.name}=${fmt(valueAt(m, epoch, total, 0))}`).join(" ");
      return `Epoch ${epoch}/${total} - ${values || `loss=${(2.3 * Math.exp(-4 * (epoch / total)) + 0.02).toFixed(4)}`}`;
    },
  };
}

/** The body of a training job's log; none when it failed validating its hyperparameters. */
export function trainingBody(src: JobSource): BodyPlan {
  if (src.failure?.startsWith("ClientError: Hyperparameter")) return { count: 0, line: () => "" };
  const hp = src.hyperParameters;
  if (hp.num_round !== undefined || (hp.epochs === undefined && /xgboost/i.test(src.image)))
    return xgboost(src);
  return epochs(src);
}
