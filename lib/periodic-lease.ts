/**
 * One run of a periodic job at a time across all replicas on one PostgreSQL: a run holds a session-level
 * advisory lock (`pg_try_advisory_lock(7322, hashtext('sagedeck.periodic.<name>'))`) on a connection of its own
 * for its whole length; a replica whose tick finds it held skips that tick (the holder is doing the work).
 * Without it two replicas' reconcilers read the same pending intent together: both call SageMaker, and one may
 * fail a promotion as "interrupted" while the other is rolling it out. PGlite is one process: no lock needed.
 * The two-key form keeps these locks apart from the migration lock's single 64-bit key (lib/db/migrate.ts).
 */
import type { Pool } from "pg";
import type { DbHandle } from "@/lib/db/client";

export const PERIODIC_LOCK_CLASS = 7322;

/** Runs `fn` holding the job's cluster-wide lock; `{ ran: false }` when another replica holds it. */
export async function withJobLease<T>(
  handle: DbHandle,
  name: string,
  fn: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (handle.kind !== "postgres") return { ran: true, result: await fn() };
  // drizzle's node-postgres database keeps its pool as $client
  const pool = (handle.db as unknown as { $client: Pool }).$client;
  const client = await pool.connect();
  const key = `sagedeck.periodic.${name}`;
  try {
    const got = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1, hashtext($2)) as ok", [
      PERIODIC_LOCK_CLASS,
      key,
    ]);
    if (!got.rows[0]?.ok) return { ran: false };
    try {
      return { ran: true, result: await fn() };
    } finally {
      await client
        .query("select pg_advisory_unlock($1, hashtext($2))", [PERIODIC_LOCK_CLASS, key])
        .catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
