/**
 * "Nothing changed": SageDeck's domain tables (not the audit log, where refusals are recorded on purpose) and
 * every write operation the emulator has answered. Compare a snapshot before and after a refused request.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";

const TABLES = [
  "users",
  "decisions",
  "idempotency_keys",
  "maturity_targets",
  "maturity_exemptions",
  "maturity_snapshots",
  "pipeline_run_actions",
  "api_tokens",
] as const;

/** SageMaker operations that change something (by name: Create*, Update*, Start*, …). */
const WRITE = /^(Create|Update|Delete|Start|Stop|Retry|Put|Add|Associate|Disassociate|Send|Register)/;

export interface StateSnapshot {
  tables: Record<string, string>;
  writes: Record<string, number>;
}

async function tableDigest(db: Db, table: string): Promise<string> {
  // row count + a digest of the rows: an UPDATE that keeps the count is a change too
  const result = await db.execute(
    sql.raw(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h
             from ${table} t`),
  );
  const rows = (result as { rows: { n: number; h: string }[] }).rows;
  const row = rows[0];
  return row ? `${row.n}:${row.h}` : "missing";
}

async function emulatorWrites(emulatorUrl: string): Promise<Record<string, number>> {
  const res = await fetch(`${emulatorUrl}/_emulator/stats`);
  const body = (await res.json()) as { calls?: Record<string, number> };
  const calls = body.calls ?? {};
  return Object.fromEntries(Object.entries(calls).filter(([op]) => WRITE.test(op)));
}

export async function snapshotState(db: Db, emulatorUrl: string): Promise<StateSnapshot> {
  const tables: Record<string, string> = {};
  for (const t of TABLES) tables[t] = await tableDigest(db, t);
  return { tables, writes: await emulatorWrites(emulatorUrl) };
}
