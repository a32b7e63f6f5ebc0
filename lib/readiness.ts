import { sql } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { migrationStatus } from "@/lib/db/migrate";
import { getHealth, type Health } from "@/lib/health";
import { shuttingDown } from "@/lib/lifecycle";

export interface Readiness {
  status: "ready" | "not_ready";
  /** why not, in one line (shutting down, database, migrations) */
  reason?: string;
  database: { ok: boolean; latencyMs: number };
  migrations?: { expected: number; applied: number };
  /** each configured account: reachable, or degraded with why; a degraded account does not fail readiness */
  accounts: Health["accounts"];
}

/** Probes answer within a load balancer's probe timeout (typically 1 s) even when SageMaker is slow. */
const ACCOUNTS_WAIT_MS = 800;

async function accountsWithin(ms: number): Promise<Health["accounts"]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  const health = getHealth().catch(() => null);
  const first = await Promise.race([health, late]);
  clearTimeout(timer);
  if (first) return first.accounts;
  return getConfig().accounts.map((a) => ({
    name: a.name,
    status: "degraded" as const,
    message: `no answer within ${ms} ms (checked in the background)`,
  }));
}

/**
 * Whether this replica should receive traffic: not shutting down, the database answers and has this build's
 * migrations. SageMaker accounts are reported (reachable or degraded) but do not fail readiness: the dashboard
 * still serves what it can when an account is down, and taking every replica out would serve nothing.
 */
export async function getReadiness(): Promise<Readiness> {
  if (shuttingDown()) {
    return {
      status: "not_ready",
      reason: "shutting down",
      database: { ok: false, latencyMs: 0 },
      accounts: [],
    };
  }
  const started = Date.now();
  let migrations: Readiness["migrations"];
  let reason: string | undefined;
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    migrations = await migrationStatus(db);
    if (migrations.applied < migrations.expected)
      reason = `migrations pending (${migrations.applied} of ${migrations.expected} applied)`;
  } catch {
    // the driver's message can contain host names; it stays in the server log
    console.error("[health] readiness: the database is not reachable");
    reason = "the database is not reachable";
  }
  const database = { ok: reason !== "the database is not reachable", latencyMs: Date.now() - started };
  const accounts = await accountsWithin(ACCOUNTS_WAIT_MS);
  if (shuttingDown()) reason = "shutting down";
  return {
    status: reason ? "not_ready" : "ready",
    ...(reason ? { reason } : {}),
    database,
    ...(migrations ? { migrations } : {}),
    accounts,
  };
}
