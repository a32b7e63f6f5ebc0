import type { SeedEnv } from "./env";

/** Seeds this area's demo data (stub until its owner lands it). */

export async function seedProjects(_env: SeedEnv): Promise<void> {}
