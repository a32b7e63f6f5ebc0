import { sql } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { describeDataSource, pingSageMaker, type SageMakerHealth } from "@/lib/sagemaker/health";
import { accountStatuses, probeAccounts } from "@/lib/sagemaker/accounts/status";

export interface Health {
  status: "ok" | "degraded";
  mode: "local" | "aws" | "custom";
  database: { ok: boolean; kind: "pglite" | "postgres"; latencyMs: number; message?: string };
  sagemaker: { ok: boolean; source: string; latencyMs: number; message?: string };
  /**
   * Each configured account: `reachable`, or `degraded` with why (a role that cannot be assumed…). The home
   * account follows the SageMaker probe; another account's failure degrades only its rows, not readiness.
   */
  accounts: { name: string; accountId?: string; status: "reachable" | "degraded"; message?: string }[];
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
/** The accounts' reachability (other than home: AssumeRole + GetCallerIdentity), probed at most every 10 s. */
async function checkAccounts(sm: SageMakerHealth): Promise<Health["accounts"]> {
  const accounts = getConfig().accounts;
  if (accounts.some((a) => !a.home)) await probeAccounts(SAGEMAKER_PROBE_TTL_MS);
  return accountStatuses(accounts).map((a) => {
    const ok = a.home ? sm.ok : a.reachable === true;
    const message = a.home ? sm.message : a.lastError?.message;
    return {
      name: a.name,
      ...(a.accountId ? { accountId: a.accountId } : {}),
      status: ok ? "reachable" : "degraded",
      ...(!ok && message ? { message } : {}),
    };
  });
}

export async function getHealth(): Promise<Health> {
  const [database, sm] = await Promise.all([checkDatabase(), cachedSageMakerPing()]);
  const accounts = await checkAccounts(sm);
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
    accounts,
  };
}
