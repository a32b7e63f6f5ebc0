/**
 * Last seeder: registry decisions (approvals, rejections, lifecycle stages), staging and production
 * deployments with their history (incl. a rollback, and churn-prod serving an unapproved version),
 * monitoring schedules with months of executions. Works on whatever versions the pipeline seeder
 * registered, topping groups up to a minimum so the demo always holds enough versions.
 */
import type { SeedEnv } from "./env";
import { SOLUTIONS } from "./org";
import { solutionGroups } from "./projects";
import type { PackageRecord } from "../ops/registry/store";
import type { Decided, Event } from "./registry/common";
import { decide, topUp } from "./registry/decisions";
import { deploy, lifecycleForDeployments, planDeployments, type Deployment } from "./registry/deploy";
import { large, monitoring } from "./registry/monitoring";

export async function seedRegistry(env: SeedEnv): Promise<void> {
  for (const s of SOLUTIONS) {
    const groups = solutionGroups(s);
    if (groups.length === 0) continue;
    const events: Event[] = [];
    let main: { approved: Decided[]; versions: PackageRecord[] } | undefined;
    for (const [i, group] of groups.entries()) {
      const gate = s.pipelines.find((p) => p.modelPackageGroup === group)?.gate ?? {
        metric: "auc",
        threshold: 0.8,
      };
      await topUp(env, s, group, gate);
      const d = decide(env, s, group, gate, events);
      if (i === 0) main = d;
    }
    const plan = main ? planDeployments(env, s, main.approved, main.versions) : [];
    lifecycleForDeployments(plan, events);
    // registry updates and deployments interleaved in time order
    const made = new Set<string>();
    const live = new Set<string>();
    const all: ({ kind: "event"; e: Event } | { kind: "deploy"; d: Deployment })[] = [
      ...events.map((e) => ({ kind: "event" as const, e })),
      ...plan.map((d) => ({ kind: "deploy" as const, d })),
    ];
    const at = (x: (typeof all)[number]) => (x.kind === "event" ? x.e.t : x.d.t);
    all.sort((a, b) => at(a) - at(b));
    for (const x of all) {
      if (x.kind === "event") await env.as(x.e.user, x.e.t).call(x.e.op, x.e.input);
      else await deploy(env, s, x.d, made, live);
    }
    await monitoring(env, s, plan);
  }
  await env.as("admin", env.anchor).call("_SettleEndpoints", {});
  if (env.scale === "large") await large(env);
}
