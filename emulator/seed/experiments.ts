/**
 * Manual experiments: what data scientists log with the SageMaker Experiments `Run` API. Each experiment
 * gets the SDK's default trial `Default-Run-Group-<experiment>`; each run is a trial component named
 * `<experiment>-<run>` (DisplayName = run name) with hyperparameters, input/output artifacts, a status and
 * metric series that respond to the hyperparameters. Deterministic (env.random only).
 */
import type { Ctx } from "../core/context";
import type { JsonObject } from "../core/json";
import type { SeedEnv } from "./env";
import { HISTORY_DAYS, LARGE, SOLUTIONS, type SolutionSpec } from "./org";

type ParamValue = number | string;
interface ParamSpec {
  name: string;
  values: ParamValue[];
  weight: number;
}
interface MetricSpec {
  name: string;
  /** final value from the run's quality q ∈ [0, 1] */
  final: (q: number) => number;
  /** value at step 0 */
  start: (q: number) => number;
}
interface Family {
  params: ParamSpec[];
  metrics: MetricSpec[];
  steps: [number, number];
  dataset: string;
}

const XGB: ParamSpec[] = [
  { name: "eta", values: [0.01, 0.05, 0.1, 0.2, 0.3], weight: 3 },
  { name: "max_depth", values: [3, 4, 5, 6, 8, 10], weight: 3 },
  { name: "num_round", values: [100, 200, 400, 800], weight: 2 },
  { name: "subsample", values: [0.6, 0.7, 0.8, 0.9, 1], weight: 1 },
  { name: "min_child_weight", values: [1, 3, 5, 10], weight: 1 },
  { name: "objective", values: ["binary:logistic"], weight: 0 },
];

const classification = (lo: number, hi: number): MetricSpec[] => [
  { name: "validation:auc", final: (q) => lo + (hi - lo) * q, start: () => 0.5 },
  { name: "validation:logloss", final: (q) => 0.62 - 0.42 * q, start: () => 0.69 },
  { name: "train:logloss", final: (q) => 0.5 - 0.4 * q, start: () => 0.69 },
];

const ranking = (lo: number, hi: number, second: string): MetricSpec[] => [
  { name: "validation:ndcg", final: (q) => lo + (hi - lo) * q, start: (q) => 0.1 + 0.05 * q },
  { name: `validation:${second}`, final: (q) => lo + 0.1 + (hi - lo) * q, start: () => 0.15 },
  { name: "train:loss", final: (q) => 0.9 - 0.5 * q, start: () => 2.3 },
];

const FAMILIES: Record<string, Family> = {
  "demand-forecast": {
    params: [
      { name: "learning_rate", values: [0.0005, 0.001, 0.005, 0.01], weight: 2 },
      { name: "context_length", values: [14, 28, 56, 84], weight: 3 },
      { name: "prediction_length", values: [28], weight: 0 },
      { name: "epochs", values: [20, 50, 100], weight: 1 },
      { name: "num_layers", values: [1, 2, 3, 4], weight: 1 },
      { name: "dropout_rate", values: [0, 0.1, 0.2, 0.3], weight: 1 },
      { name: "seasonality_mode", values: ["additive", "multiplicative"], weight: 2 },
    ],
    metrics: [
      { name: "validation:rmse", final: (q) => 52 - 22 * q, start: () => 95 },
      { name: "validation:mape", final: (q) => 24 - 12 * q, start: () => 48 },
      { name: "train:loss", final: (q) => 1.4 - 0.8 * q, start: () => 3.2 },
    ],
    steps: [15, 40],
    dataset: "sales-daily",
  },
  churn: {
    params: XGB,
    metrics: classification(0.72, 0.885),
    steps: [10, 30],
    dataset: "customer-activity",
  },
  "fraud-detection": {
    params: [...XGB, { name: "scale_pos_weight", values: [1, 10, 25, 50, 100], weight: 3 }],
    metrics: [
      ...classification(0.86, 0.965),
      { name: "validation:aucpr", final: (q) => 0.42 + 0.4 * q, start: () => 0.05 },
    ],
    steps: [10, 30],
    dataset: "card-transactions",
  },
  "recsys-ranking": {
    params: [
      { name: "embedding_dim", values: [32, 64, 128, 256], weight: 2 },
      { name: "learning_rate", values: [0.0001, 0.0005, 0.001, 0.005], weight: 3 },
      { name: "batch_size", values: [256, 512, 1024, 2048], weight: 1 },
      { name: "num_negatives", values: [1, 4, 8, 16], weight: 2 },
      { name: "optimizer", values: ["adam", "adagrad"], weight: 1 },
    ],
    metrics: ranking(0.3, 0.48, "recall"),
    steps: [12, 30],
    dataset: "interactions",
  },
  "search-ranking": {
    params: [
      { name: "num_leaves", values: [15, 31, 63, 127], weight: 2 },
      { name: "learning_rate", values: [0.02, 0.05, 0.1, 0.2], weight: 3 },
      { name: "n_estimators", values: [200, 500, 1000], weight: 1 },
      { name: "min_data_in_leaf", values: [10, 20, 50], weight: 1 },
      { name: "objective", values: ["lambdarank", "rank_xendcg"], weight: 1 },
    ],
    metrics: ranking(0.35, 0.52, "mrr"),
    steps: [12, 30],
    dataset: "query-logs",
  },
};

const FAILURES = [
  "AlgorithmError: training diverged, loss is NaN",
  "ClientError: Out of memory. Reduce batch size or instance memory pressure.",
  "ClientError: Feature column 'tenure_days' not found in the validation channel",
  "AlgorithmError: ExecuteUserScriptError: ValueError: Input contains NaN",
];

const DAY = 86_400;
const round = (x: number, digits = 5) => Number(x.toFixed(digits));

interface ExperimentPlan {
  solution: SolutionSpec;
  family: Family;
  name: string;
  runs: number;
  start: number;
  /** seconds over which the runs are spread */
  window: number;
}

/** The quality of a run: how close each hyperparameter is to this experiment's optimum, plus noise. */
function quality(env: SeedEnv, family: Family, best: number[], choice: number[]): number {
  let total = 0;
  let score = 0;
  family.params.forEach((p, i) => {
    if (p.weight === 0 || p.values.length < 2) return;
    total += p.weight;
    score += p.weight * (1 - Math.abs((choice[i] ?? 0) - (best[i] ?? 0)) / (p.values.length - 1));
  });
  const q = (total ? score / total : 0.5) + (env.random() - 0.5) * 0.06;
  return Math.min(1, Math.max(0, q));
}

/** Metric values per step: an exponential approach from `start` to `final` with shrinking noise. */
function series(env: SeedEnv, m: MetricSpec, q: number, steps: number): number[] {
  const start = m.start(q);
  const final = m.final(q);
  const out: number[] = [];
  for (let s = 1; s <= steps; s++) {
    const progress = (1 - Math.exp((-4 * s) / steps)) / (1 - Math.exp(-4));
    const noise = s === steps ? 0 : (env.random() - 0.5) * 0.04 * Math.abs(final - start) * (1 - s / steps);
    out.push(round(start + (final - start) * progress + noise));
  }
  return out;
}

async function seedRun(env: SeedEnv, plan: ExperimentPlan, index: number, best: number[], trialName: string) {
  const { solution, family } = plan;
  const suffix = plan.name.split("-").pop() ?? "run";
  const runName = `${suffix}-${String(index + 1).padStart(plan.runs > 999 ? 5 : 3, "0")}`;
  const tcName = `${plan.name}-${runName}`;
  const user = solution.scientists[Math.floor(env.random() * solution.scientists.length)] ?? "ml.engineer";
  const t0 = Math.floor(plan.start + (plan.window * (index + env.random() * 0.8)) / plan.runs);
  const duration = 600 + Math.floor(env.random() * 4800);
  const recent = plan.start + plan.window >= env.anchor - 6 * 3600;
  const inProgress = recent && index >= plan.runs - 2;
  const roll = env.random();
  const failed = !inProgress && roll < 0.05;
  const stopped = !inProgress && !failed && roll < 0.06;
  const choice = family.params.map((p) => Math.floor(env.random() * p.values.length));
  const q = quality(env, family, best, choice);
  const parameters: JsonObject = {};
  family.params.forEach((p, i) => {
    const value = p.values[choice[i] ?? 0] ?? p.values[0]!;
    parameters[p.name] = typeof value === "number" ? { NumberValue: value } : { StringValue: value };
  });
  const bucket = `s3://sagedeck-${solution.team}-ml`;
  const start = env.as(user, t0);
  await start.call("CreateTrialComponent", {
    TrialComponentName: tcName,
    DisplayName: runName,
    Status: { PrimaryStatus: "InProgress" },
    StartTime: t0,
    Parameters: parameters,
    InputArtifacts: {
      train: { MediaType: "text/csv", Value: `${bucket}/${family.dataset}/train/` },
      validation: { MediaType: "text/csv", Value: `${bucket}/${family.dataset}/validation/` },
    },
    Tags: [{ Key: "team", Value: solution.team }],
  });
  await start.call("AssociateTrialComponent", { TrialComponentName: tcName, TrialName: trialName });
  const steps = family.steps[0] + Math.floor(env.random() * (family.steps[1] - family.steps[0] + 1));
  const done = inProgress
    ? Math.max(2, Math.floor(steps * 0.4))
    : failed || stopped
      ? Math.floor(steps * 0.5)
      : steps;
  const end = inProgress ? Math.min(env.anchor - 60, t0 + Math.floor(duration * 0.4)) : t0 + duration;
  if (done > 0)
    await env.as(user, end).call("_PutTrialComponentMetrics", {
      TrialComponentName: tcName,
      Metrics: family.metrics.map((m) => ({
        MetricName: m.name,
        Values: series(env, m, q, steps).slice(0, done),
        TimeStamp: end,
      })),
    });
  if (inProgress) return;
  const status = failed
    ? { PrimaryStatus: "Failed", Message: FAILURES[Math.floor(env.random() * FAILURES.length)] ?? "Failed" }
    : stopped
      ? { PrimaryStatus: "Stopped", Message: "Stopped by user" }
      : { PrimaryStatus: "Completed" };
  await env.as(user, end).call("UpdateTrialComponent", {
    TrialComponentName: tcName,
    Status: status,
    EndTime: end,
    ...(failed || stopped
      ? {}
      : {
          OutputArtifacts: {
            model: {
              MediaType: "application/x-tar",
              Value: `${bucket}/models/${tcName}/output/model.tar.gz`,
            },
          },
        }),
  });
}

async function seedExperiment(env: SeedEnv, plan: ExperimentPlan): Promise<void> {
  const { solution } = plan;
  const owner = solution.scientists[0] ?? "ml.engineer";
  const ctx: Ctx = env.as(owner, plan.start);
  const tags = [{ Key: "team", Value: solution.team }];
  if (solution.project)
    tags.push(
      { Key: "sagemaker:project-name", Value: solution.project.name },
      { Key: "sagemaker:project-id", Value: solution.project.id },
    );
  await ctx.call("CreateExperiment", {
    ExperimentName: plan.name,
    DisplayName: plan.name,
    Description: `${solution.displayName}: ${plan.name.replace(`${solution.key}-`, "").replace(/-/g, " ")} runs`,
    Tags: tags,
  });
  const trialName = `Default-Run-Group-${plan.name}`;
  await ctx.call("CreateTrial", { TrialName: trialName, ExperimentName: plan.name, Tags: tags });
  const best = plan.family.params.map((p) => Math.floor(env.random() * p.values.length));
  for (let i = 0; i < plan.runs; i++) await seedRun(env, plan, i, best, trialName);
}

export async function seedExperiments(env: SeedEnv): Promise<void> {
  const history = HISTORY_DAYS * DAY;
  const plans: ExperimentPlan[] = [];
  const all = SOLUTIONS.flatMap((s) => s.manualExperiments.map((e) => ({ solution: s, ...e })));
  all.forEach((e, k) => {
    const family = FAMILIES[e.solution.key] ?? FAMILIES.churn!;
    // staggered over the history; the last experiments run up to the anchor (some runs still in progress)
    const start =
      env.anchor - history + Math.floor(((k + env.random() * 0.5) / all.length) * (history - 20 * DAY));
    const window = Math.min(45 * DAY, env.anchor - 3600 - start);
    plans.push({ solution: e.solution, family, name: e.name, runs: e.runs, start, window });
  });
  if (env.scale === "large") {
    const churn = SOLUTIONS.find((s) => s.key === "churn") ?? SOLUTIONS[0]!;
    for (const e of [LARGE.experiment, LARGE.smallExperiment])
      plans.push({
        solution: churn,
        family: FAMILIES.churn!,
        name: e.name,
        runs: e.runs,
        start: env.anchor - 90 * DAY,
        window: 89 * DAY,
      });
  }
  for (const plan of plans) await seedExperiment(env, plan);
}
