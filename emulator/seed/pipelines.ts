/**
 * Pipeline history: every pipeline of org.ts gets a real definition (preprocess → train → evaluate →
 * condition on the gate metric → register or fail), created ~180 days before the anchor, and its
 * executions are run by the pipeline engine itself on a virtual clock, so every execution, step, job,
 * trial component and model version is consistent. Outcomes are steered by choosing parameters with the
 * engine's own training model (bad hyperparameters, a failed gate, a stop), never by writing results.
 */
import { ACCOUNT_ID } from "../core/arn";
import { hash32, rng } from "../core/clock";
import type { Ctx } from "../core/context";
import { advance, nextDue } from "../ops/pipelines/engine/scheduler";
import { simulateTraining } from "../ops/pipelines/engine/metrics";
import { trainingPipeline } from "../ops/pipelines/engine/template";
import { executions } from "../ops/pipelines/records";
import { seedLargePipeline } from "../ops/pipelines/seed-large";
import type { SeedEnv } from "./env";
import { HISTORY_DAYS, LARGE, SOLUTIONS, type PipelineSpec, type SolutionSpec } from "./org";
import { solutionTags } from "./projects";
import { starterOf } from "./starters";

const DAY = 86_400;
const ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/SageMakerPipelineExecutionRole`;

type Intent = "success" | "badHyperparameters" | "gateFailed" | "stopped";

const token = (...parts: (string | number)[]) => `seed-${parts.join("-")}-`.padEnd(32, "x").slice(0, 128);
const bucketOf = (s: SolutionSpec) => `sagedeck-${s.team}-ml`;

/** Runs an execution to its end on the virtual clock; optionally stops it during training. */
async function drive(
  env: SeedEnv,
  user: string,
  clock: { now: number },
  arn: string,
  stopDuringTraining: boolean,
) {
  const ctx: Ctx = env.as(user, () => clock.now);
  for (let i = 0; i < 10_000; i++) {
    const e = executions(env.emulator.state).get(arn);
    if (!e) return;
    const due = nextDue(e);
    if (due === undefined) return;
    if (stopDuringTraining && e.PipelineExecutionStatus === "Executing") {
      const train = e.Steps.find((s) => s.StepName === "Train" && s.StepStatus === "Executing");
      if (train && train.xDueAt !== undefined) {
        clock.now = train.StartTime + (train.xDueAt - train.StartTime) * (0.3 + env.random() * 0.4);
        await ctx.call("StopPipelineExecution", {
          PipelineExecutionArn: arn,
          ClientRequestToken: token("stop", arn),
        });
        continue;
      }
    }
    clock.now = Math.max(clock.now, due);
    await advance(ctx, arn);
  }
}

function pick<T>(env: SeedEnv, list: readonly T[]): T {
  return list[Math.floor(env.random() * list.length)]!;
}

/**
 * Input data and parameters for an intended outcome, checked against the engine's training model: the
 * data snapshot of the month (re-cut if the month's data cannot reach the gate) and hyperparameters.
 */
function parameters(env: SeedEnv, s: SolutionSpec, p: PipelineSpec, month: string, intent: Intent) {
  const margin = 0.012;
  let first: Record<string, string> | undefined;
  for (let cut = 0; cut < 8; cut++) {
    const dataUrl = `s3://${bucketOf(s)}-data/${p.name}/${month}/${cut === 0 ? "" : `recut-${cut}/`}`;
    const key = `s3://${bucketOf(s)}/${p.name}//train|${dataUrl}`;
    for (let attempt = 0; attempt < 12; attempt++) {
      const extreme = intent === "gateFailed";
      const md = extreme ? pick(env, [1, 2, 16, 18, 20]) : 4 + Math.floor(env.random() * 5);
      const eta = extreme
        ? pick(env, [0.01, 0.02, 0.8, 0.9])
        : Math.round((0.1 + env.random() * 0.2) * 100) / 100;
      const rounds = pick(env, [100, 150, 200, 300]);
      const params = {
        InputDataUrl: dataUrl,
        MaxDepth: String(md),
        Eta: String(eta),
        NumRound: String(rounds),
      };
      const hp = {
        objective: p.gate.metric === "ndcg" ? "rank:ndcg" : "binary:logistic",
        eval_metric: p.gate.metric,
        max_depth: String(md),
        eta: String(eta),
        num_round: String(rounds),
      };
      const value = simulateTraining(key, hp, "ml.m5.xlarge").final[`validation:${p.gate.metric}`] ?? 0;
      first ??= params;
      const wanted =
        intent === "gateFailed" ? value < p.gate.threshold - margin : value >= p.gate.threshold + margin;
      if (wanted) return params;
    }
  }
  return first ?? {};
}

/** The current data snapshot: one on which the default hyperparameters pass the gate (a demo run succeeds). */
function defaultData(s: SolutionSpec, p: PipelineSpec): string {
  const hp = {
    objective: p.gate.metric === "ndcg" ? "rank:ndcg" : "binary:logistic",
    eval_metric: p.gate.metric,
    max_depth: "6",
    eta: "0.2",
    num_round: "100",
  };
  let url = "";
  for (let v = 1; v <= 50; v++) {
    url = `s3://${bucketOf(s)}-data/${p.name}/current/v${v}/`;
    const key = `s3://${bucketOf(s)}/${p.name}//train|${url}`;
    const value = simulateTraining(key, hp, "ml.m5.xlarge").final[`validation:${p.gate.metric}`] ?? 0;
    if (value >= p.gate.threshold + 0.015) return url;
  }
  return url;
}

async function seedPipeline(env: SeedEnv, s: SolutionSpec, p: PipelineSpec, created: number): Promise<void> {
  const owner = s.scientists[0] ?? "admin";
  const definition = (cache: boolean) =>
    JSON.stringify(
      trainingPipeline({
        pipeline: p.name,
        modelPackageGroup: p.modelPackageGroup,
        metric: p.gate.metric,
        threshold: p.gate.threshold,
        bucket: bucketOf(s),
        roleArn: ROLE,
        inputDataUrl: defaultData(s, p),
        createModel: s.phase === "Scalable",
        cache,
        metricMetadata: !s.metricsInReportsOnly,
      }),
    );
  await env.as(owner, created).call("CreatePipeline", {
    PipelineName: p.name,
    PipelineDisplayName: p.name,
    PipelineDescription: `${s.displayName}: preprocess, train, evaluate, gate on ${p.gate.metric} >= ${p.gate.threshold}, register`,
    RoleArn: ROLE,
    ClientRequestToken: token("create", p.name),
    PipelineDefinition: definition(false),
    Tags: solutionTags(s),
  });
  const revised = created + 60 * DAY;
  await env.as(owner, revised).call("UpdatePipeline", {
    PipelineName: p.name,
    PipelineDefinition: definition(true),
    PipelineVersionDescription: "Cache preprocessing and training",
  });

  const span = env.anchor - 6 * 3600 - (created + DAY);
  const times = Array.from({ length: p.executions }, () => created + DAY + env.random() * span).sort(
    (a, b) => a - b,
  );
  for (const [i, t] of times.entries()) {
    const user = pick(env, s.scientists);
    const r = rng(hash32(`${p.name}:${i}:intent`))();
    const intent: Intent =
      r < p.failureRate / 2
        ? "badHyperparameters"
        : r < p.failureRate
          ? "gateFailed"
          : r < p.failureRate + 0.04
            ? "stopped"
            : "success";
    const month = new Date(t * 1000).toISOString().slice(0, 7);
    const params: Record<string, string> = parameters(env, s, p, month, intent);
    if (intent === "badHyperparameters") {
      if (env.random() < 0.5) params.MaxDepth = String(pick(env, [25, 30, 40]));
      else params.Eta = pick(env, ["1.5", "-0.1", "2"]);
    }
    const clock = { now: Math.floor(t) };
    const starter = starterOf(s, p, i, month, intent === "badHyperparameters");
    const person = env.as(user, () => clock.now);
    const out = await (starter.identity ? person.withIdentity(starter.identity) : person).call(
      "_StartPipelineExecution",
      {
        PipelineName: p.name,
        PipelineExecutionDisplayName: `${p.name.slice(0, 60)}-${i + 1}`.replace(/[^a-zA-Z0-9-]/g, "-"),
        PipelineExecutionDescription: starter.description,
        PipelineParameters: Object.entries(params).map(([Name, Value]) => ({ Name, Value })),
        ClientRequestToken: token("start", p.name, i),
        xPace: 1,
      },
    );
    await drive(
      env,
      user,
      clock,
      typeof out.PipelineExecutionArn === "string" ? out.PipelineExecutionArn : "",
      intent === "stopped",
    );
  }
}

export async function seedPipelines(env: SeedEnv): Promise<void> {
  const created = env.anchor - 180 * DAY;
  let offset = 0;
  for (const s of SOLUTIONS)
    for (const p of s.pipelines) {
      await seedPipeline(env, s, p, created + offset * 3600);
      offset++;
    }
  if (env.scale === "large")
    await seedLargePipeline(
      env,
      LARGE.pipeline.name,
      LARGE.pipeline.executions,
      env.anchor - HISTORY_DAYS * DAY,
    );
}
