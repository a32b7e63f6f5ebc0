import { sql } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { describeDataSource, pingSageMaker } from "@/lib/sagemaker/health";

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

/** What `GET /api/health` reports. Never includes credentials, URLs with passwords or stack traces. */
export async function getHealth(): Promise<Health> {
  const [database, sm] = await Promise.all([checkDatabase(), pingSageMaker()]);
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
