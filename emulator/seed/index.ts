import type { Emulator } from "../core/emulator";
import { seedEnv } from "./env";
import { seedExperiments } from "./experiments";
import { seedNotebookJobs } from "./notebook-jobs";
import { seedPipelines } from "./pipelines";
import { seedProjects } from "./projects";
import { seedRegistry } from "./registry";
import { demoAccountsEnabled, spreadAcrossAccounts } from "./accounts";
import { seedDeployPipelines } from "./deploy-pipelines";
import { seedAutoscaling } from "./autoscaling";

export interface SeedOptions {
  scale: "demo" | "large";
  seed: string;
  anchor: number;
}

export function seedOptionsFromEnv(): SeedOptions {
  const scale = process.env.EMULATOR_SCALE === "large" ? "large" : "demo";
  const anchorEnv = Number(process.env.EMULATOR_ANCHOR);
  const anchor =
    Number.isFinite(anchorEnv) && anchorEnv > 0 ? anchorEnv : Math.floor(Date.now() / 3_600_000) * 3600;
  return { scale, seed: process.env.EMULATOR_SEED ?? "sagedeck", anchor };
}

/**
 * Builds the demo organisation (see org.ts) in order: projects, manual experiments, pipeline history
 * (run by the pipeline engine on a virtual clock), then registry decisions, endpoints and monitoring.
 */
export async function seed(emulator: Emulator, opts: SeedOptions): Promise<void> {
  const env = (part: string) => seedEnv(emulator, opts.scale, opts.anchor, opts.seed, part);
  await seedProjects(env("projects"));
  await seedExperiments(env("experiments"));
  await seedNotebookJobs(env("notebook-jobs"));
  await seedPipelines(env("pipelines"));
  await seedRegistry(env("registry"));
  // EMULATOR_DEMO_ACCOUNTS=1: staging and production endpoints in their own accounts (seed/accounts.ts)
  if (demoAccountsEnabled()) spreadAcrossAccounts(emulator);
  // issue 16: deploy pipelines (CodePipeline) with their history, and autoscaled production endpoints
  await seedDeployPipelines(env("deploy-pipelines"));
  await seedAutoscaling(env("autoscaling"));
}
