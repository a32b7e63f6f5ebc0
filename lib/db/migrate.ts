import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Pool } from "pg";
import type { Db, DbHandle } from "./client";

/** drizzle/ in the working directory at the time of the call (serve.js changes into the standalone folder first). */
export const migrationsFolder = (): string => path.resolve(process.cwd(), "drizzle");

/**
 * The session-level advisory lock every replica takes around migrating PostgreSQL: replicas starting together
 * migrate one after the other, and the later ones find nothing left to apply. (PGlite is one process: its
 * directory lock, lib/db/lock.ts, already keeps a second one out.)
 */
export const MIGRATION_LOCK_KEY = 7_322_401_122;

async function appliedCount(db: Db): Promise<number> {
  try {
    const rows = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows) as { n: number }[];
    return Number(list[0]?.n ?? 0);
  } catch {
    return 0; // no migrations table yet
  }
}

async function runMigrator(handle: DbHandle, folder: string): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: folder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: folder });
  }
}

/**
 * Applies drizzle/ migrations (idempotent: already applied ones are skipped) and says how many it applied.
 * On PostgreSQL under MIGRATION_LOCK_KEY, held on one connection of the pool for the whole run.
 */
export async function migrateDb(handle: DbHandle, folder = migrationsFolder()): Promise<number> {
  if (handle.kind !== "postgres") {
    const before = await appliedCount(handle.db);
    await runMigrator(handle, folder);
    return (await appliedCount(handle.db)) - before;
  }
  // drizzle's node-postgres database keeps its pool as $client
  const pool = (handle.db as unknown as { $client: Pool }).$client;
  const lock = await pool.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const before = await appliedCount(handle.db);
    await runMigrator(handle, folder);
    return (await appliedCount(handle.db)) - before;
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lock.release();
  }
}

/** The migrations this build ships (drizzle/meta/_journal.json) and how many the database has applied. */
export async function migrationStatus(
  db: Db,
  folder = migrationsFolder(),
): Promise<{ expected: number; applied: number }> {
  const journal = JSON.parse(
    await fs.promises.readFile(path.join(folder, "meta", "_journal.json"), "utf8"),
  ) as { entries: unknown[] };
  return { expected: journal.entries.length, applied: await appliedCount(db) };
}
