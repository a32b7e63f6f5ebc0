import { sql } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { describeDataSource, pingSageMaker, type SageMakerHealth } from "@/lib/sagemaker/health";

export interface Health {
  status: "ok" | "degraded";
  mode: "local" | "aws" | "custom";
  database: { ok: boolean; kind: "pglite" | "postgres"; latencyMs: number; message?: string };
  sagemaker: { ok: boolean; source: string; latencyMs: number; message?: string };
}

async function checkDatabase(): Promise<Health["database"]> {
  const started = Date.now();
  const kind = getConfig().database.kind;
  try {
    await (await getDb()).execute(sql`select 1`);
    return { ok: true, kind, latencyMs: Date.now() - started };
  } catch {
    // the driver's message can contain host names; keep it in the server log only
    console.error("[health] database check failed");
    return { ok: false, kind, latencyMs: Date.now() - started, message: "The database is not reachable." };
  }
}

/** At most one SageMaker probe per this many ms; concurrent health requests share the one in flight. */
export const SAGEMAKER_PROBE_TTL_MS = 10_000;
let probe: { at: number; result: Promise<SageMakerHealth> } | null = null;

/** The SageMaker probe, cached: anonymous health checks must not turn into one upstream call each. */
export function cachedSageMakerPing(now = Date.now()): Promise<SageMakerHealth> {
  if (!probe || now - probe.at >= SAGEMAKER_PROBE_TTL_MS) {
    probe = { at: now, result: pingSageMaker() };
  }
  return probe.result;
}

/** Forgets the cached probe (tests). */
export function resetHealthCache(): void {
  probe = null;
}

/** What `GET /api/health` reports. Never includes credentials, URLs with passwords or stack traces. */
export async function getHealth(): Promise<Health> {
  const [database, sm] = await Promise.all([checkDatabase(), cachedSageMakerPing()]);
  return {
    status: database.ok && sm.ok ? "ok" : "degraded",
    mode: getConfig().mode,
    database,
    sagemaker: {
      ok: sm.ok,
      source: describeDataSource().label,
      latencyMs: sm.latencyMs,
      ...(sm.message ? { message: sm.message } : {}),
    },
  };
}
