/**
 * Runs executions on the virtual clock: stages in order, actions by runOrder (parallel within one), each action
 * completing at its own simulated time (so a late tick records the time it was due, not the time it was seen).
 */
import type { Ctx } from "../core/context";
import { scaled } from "../core/clock";
import {
  saveExecution,
  stagesOf,
  text,
  uuid,
  type ActionDecl,
  type ActionRun,
  type ExecutionRecord,
  type PipelineRecord,
  type StageDecl,
} from "./store";
import { checkDeploy, startDeploy } from "./deploy-action";

/** simulated seconds an action takes, by category (Deploy waits for its endpoint instead when it names one) */
export const ACTION_SECONDS: Record<string, number> = {
  Source: 15,
  Build: 240,
  Deploy: 60,
  Test: 180,
  Invoke: 30,
  Compute: 120,
};
/** a manual approval waits at most 7 days, as AWS's do */
export const APPROVAL_SECONDS = 7 * 86_400;

/** `#{variables.name}` in configuration values → the execution's variable (V2 pipelines' syntax). */
export function resolveConfiguration(e: ExecutionRecord, config: Record<string, string> = {}) {
  const vars = new Map((e.variables ?? []).map((v) => [v.name, v.resolvedValue]));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config))
    out[k] = v.replace(/#\{variables\.([A-Za-z0-9@\-_]+)\}/g, (m, n: string) => vars.get(n) ?? m);
  return out;
}

const orders = (s: StageDecl) => [...new Set(s.actions.map((a) => a.runOrder ?? 1))].sort((a, b) => a - b);
const group = (s: StageDecl, order: number) => s.actions.filter((a) => (a.runOrder ?? 1) === order);

/** The latest run of an action in the execution's current visit of a stage. */
export function latestRun(e: ExecutionRecord, stage: string, action: string): ActionRun | undefined {
  for (let i = e.actions.length - 1; i >= 0; i--) {
    const r = e.actions[i];
    if (r && r.stageName === stage && r.actionName === action) return r;
  }
  return undefined;
}

export async function startAction(
  ctx: Ctx,
  p: PipelineRecord,
  e: ExecutionRecord,
  s: StageDecl,
  a: ActionDecl,
  at: number,
) {
  const run: ActionRun = {
    stageName: s.name,
    actionName: a.name,
    actionExecutionId: uuid(ctx),
    status: "InProgress",
    startTime: at,
    lastUpdateTime: at,
    resolvedConfiguration: resolveConfiguration(e, a.configuration),
  };
  e.actions.push(run);
  const category = a.actionTypeId.category;
  if (category === "Approval") {
    run.token = uuid(ctx);
    run.dueAt = at + scaled(APPROVAL_SECONDS);
  } else if (category === "Deploy" && run.resolvedConfiguration?.EmulatorEndpointName) {
    await startDeploy(ctx, p, e, a, run);
  } else run.dueAt = at + scaled(ACTION_SECONDS[category] ?? 60);
}

function finish(run: ActionRun, status: ActionRun["status"], at: number, error?: string) {
  run.status = status;
  run.lastUpdateTime = at;
  delete run.dueAt;
  if (error) run.errorDetails = { code: "JobFailed", message: error.slice(0, 5000) };
}

/** Completes an in-progress action if its time has come; true when it changed. */
function tryComplete(ctx: Ctx, a: ActionDecl, run: ActionRun): boolean {
  if (run.endpoint) return checkDeploy(ctx, run);
  if (run.dueAt === undefined || run.dueAt > ctx.now()) return false;
  const at = run.dueAt;
  if (a.actionTypeId.category === "Approval") {
    delete run.token;
    run.summary = "The approval request expired: no response within 7 days.";
    finish(run, "Failed", at, run.summary);
    return true;
  }
  const cfg = run.resolvedConfiguration ?? {};
  if (a.actionTypeId.category === "Test" && (cfg.EmulatorTestResult ?? "Succeeded") !== "Succeeded") {
    finish(run, "Failed", at, cfg.EmulatorTestFailureMessage ?? "Tests failed.");
    return true;
  }
  run.externalExecutionId ??= uuid(ctx);
  finish(run, "Succeeded", at);
  return true;
}

async function enterStage(ctx: Ctx, p: PipelineRecord, e: ExecutionRecord, index: number, at: number) {
  const s = stagesOf(p)[index];
  if (!s) return;
  e.stages.push({ stageName: s.name, status: "InProgress", startTime: at, runOrder: orders(s)[0] ?? 1 });
  for (const a of group(s, orders(s)[0] ?? 1)) await startAction(ctx, p, e, s, a, at);
}

/** Moves one execution as far as the clock allows. Returns whether anything changed. */
export async function advance(ctx: Ctx, p: PipelineRecord, e: ExecutionRecord): Promise<boolean> {
  let changed = false;
  const declared = stagesOf(p);
  for (let guard = 0; guard < 1000; guard++) {
    if (e.status !== "InProgress" && e.status !== "Stopping") break;
    const stage = e.stages[e.stages.length - 1];
    const index = declared.findIndex((s) => s.name === stage?.stageName);
    const decl = declared[index];
    if (!stage || !decl) break;
    const order = typeof stage.runOrder === "number" ? stage.runOrder : 1;
    const runs = group(decl, order).map((a) => ({ a, run: latestRun(e, decl.name, a.name) }));
    for (const { a, run } of runs)
      if (run?.status === "InProgress" && !(e.stopping?.abandon ?? false) && tryComplete(ctx, a, run))
        changed = true;
    const open = runs.filter((r) => r.run?.status === "InProgress");
    const last = Math.max(stage.startTime, ...runs.map((r) => r.run?.lastUpdateTime ?? 0));
    if (e.stopping) {
      const waiting = open.filter((r) => r.a.actionTypeId.category !== "Approval");
      if (e.stopping.abandon || waiting.length === 0) {
        const now = ctx.now();
        for (const r of open) if (r.run) finish(r.run, "Abandoned", now);
        stage.status = "Stopped";
        e.status = "Stopped";
        e.lastUpdateTime = now;
        delete e.stopping;
        changed = true;
      }
      break;
    }
    if (runs.some((r) => r.run?.status === "Failed")) {
      stage.status = "Failed";
      e.status = "Failed";
      const failed = runs.find((r) => r.run?.status === "Failed")?.run;
      e.lastUpdateTime = Math.max(last, failed?.lastUpdateTime ?? 0);
      changed = true;
      break;
    }
    if (open.length > 0) break;
    const next = orders(decl).find((o) => o > order);
    changed = true;
    if (next !== undefined) {
      stage.runOrder = next;
      for (const a of group(decl, next)) await startAction(ctx, p, e, decl, a, last);
      continue;
    }
    stage.status = "Succeeded";
    e.lastUpdateTime = last;
    if (index + 1 < declared.length) await enterStage(ctx, p, e, index + 1, last);
    else e.status = "Succeeded";
  }
  if (changed) saveExecution(ctx, e);
  return changed;
}

export interface StartOptions {
  trigger: ExecutionRecord["trigger"];
  variables?: { name: string; value: string }[];
  at?: number;
}

export async function startExecution(
  ctx: Ctx,
  p: PipelineRecord,
  opts: StartOptions,
): Promise<ExecutionRecord> {
  const at = opts.at ?? ctx.now();
  const given = new Map((opts.variables ?? []).map((v) => [v.name, v.value]));
  const declaredVars = (p.declaration.variables ?? []) as { name: string; defaultValue?: string }[];
  const variables = declaredVars
    .map((d) => ({ name: d.name, resolvedValue: given.get(d.name) ?? d.defaultValue ?? "" }))
    .concat(
      [...given]
        .filter(([n]) => !declaredVars.some((d) => d.name === n))
        .map(([name, resolvedValue]) => ({ name, resolvedValue })),
    );
  const e: ExecutionRecord = {
    pipelineName: text(p.declaration.name),
    pipelineVersion: Number(p.declaration.version),
    pipelineExecutionId: uuid(ctx),
    status: "InProgress",
    startTime: at,
    lastUpdateTime: at,
    trigger: opts.trigger,
    executionMode: text(p.declaration.executionMode) || "SUPERSEDED",
    stages: [],
    actions: [],
    ...(variables.length > 0 ? { variables } : {}),
  };
  await enterStage(ctx, p, e, 0, at);
  saveExecution(ctx, e);
  await advance(ctx, p, e);
  return e;
}
