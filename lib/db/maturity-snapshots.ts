/**
 * Maturity snapshots (append-only): insert one snapshot's rows in one transaction, read a key's history.
 * Writers take a transaction-scoped advisory lock, so check-then-insert is atomic across app instances on
 * PostgreSQL (and trivially on PGlite, which has one connection).
 */
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { SnapshotRow } from "@/lib/maturity/snapshot";
import { enqueueNotifications } from "@/lib/notifications/enqueue";
import { phaseChangeEvent } from "@/lib/notifications/maturity-events";
import type { Db } from "./client";
import { maturitySnapshots, type MaturitySnapshotRow } from "./schema";

/** The most points a history read returns; longer histories are thinned evenly (first and last kept). */
export const MAX_HISTORY_POINTS = 500;

const LOCK = sql`select pg_advisory_xact_lock(hashtext('sagedeck.maturity_snapshots'))`;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function latestIn(db: Db | Tx, key: string): Promise<Date | null> {
  const [row] = await db
    .select({ takenAt: maturitySnapshots.takenAt })
    .from(maturitySnapshots)
    .where(eq(maturitySnapshots.solutionKey, key))
    .orderBy(desc(maturitySnapshots.takenAt))
    .limit(1);
  return row?.takenAt ?? null;
}

/** When the newest snapshot of `key` (default: the organisation row, written with every snapshot) was taken. */
export function latestSnapshotAt(db: Db, key = "*"): Promise<Date | null> {
  return latestIn(db, key);
}

/** Each key's newest snapshot (what a new snapshot of the key is compared with). */
async function newestOf(tx: Tx, keys: string[]): Promise<Map<string, MaturitySnapshotRow>> {
  if (keys.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([maturitySnapshots.solutionKey])
    .from(maturitySnapshots)
    .where(inArray(maturitySnapshots.solutionKey, keys))
    .orderBy(maturitySnapshots.solutionKey, desc(maturitySnapshots.takenAt), desc(maturitySnapshots.id));
  return new Map(rows.map((r) => [r.solutionKey, r]));
}

/**
 * `maturity.phase_changed` for each solution whose phase in the stored rows differs from its newest snapshot
 * before them, with the snapshot's transaction (not for demo rows, nor for a row older than the newest).
 */
async function enqueuePhaseChanges(
  tx: Tx,
  previous: Map<string, MaturitySnapshotRow>,
  stored: MaturitySnapshotRow[],
): Promise<void> {
  for (const now of stored) {
    const before = previous.get(now.solutionKey);
    if (!before || now.solutionKey === "*" || now.source === "demo" || before.takenAt >= now.takenAt)
      continue;
    const event = phaseChangeEvent(before, now);
    if (event) await enqueueNotifications(tx, event);
  }
}

/**
 * Stores one snapshot (all rows or none) with the notifications of the phases it changes. With
 * `skipIfNewerThan`, nothing is stored when an organisation row at or after that time already exists (another
 * instance was quicker); returns whether it stored.
 */
export async function insertSnapshot(
  db: Db,
  rows: SnapshotRow[],
  opts: { skipIfNewerThan?: Date } = {},
): Promise<boolean> {
  if (rows.length === 0) return false;
  return db.transaction(async (tx) => {
    await tx.execute(LOCK);
    if (opts.skipIfNewerThan) {
      const latest = await latestIn(tx, "*");
      if (latest && latest >= opts.skipIfNewerThan) return false;
    }
    const previous = await newestOf(tx, [...new Set(rows.map((r) => r.solutionKey))]);
    const stored = await tx.insert(maturitySnapshots).values(rows).returning();
    await enqueuePhaseChanges(tx, previous, stored);
    return true;
  });
}

/**
 * Stores reconstructed history only for keys that have no snapshot at all yet (a fresh install, or a new
 * solution); returns the keys it filled.
 */
export async function insertReconstructed(db: Db, rows: SnapshotRow[]): Promise<string[]> {
  const keys = [...new Set(rows.map((r) => r.solutionKey))];
  if (keys.length === 0) return [];
  return db.transaction(async (tx) => {
    await tx.execute(LOCK);
    const present = await tx
      .selectDistinct({ key: maturitySnapshots.solutionKey })
      .from(maturitySnapshots)
      .where(inArray(maturitySnapshots.solutionKey, keys));
    const have = new Set(present.map((p) => p.key));
    const fresh = rows.filter((r) => !have.has(r.solutionKey));
    if (fresh.length > 0) await tx.insert(maturitySnapshots).values(fresh);
    return keys.filter((k) => !have.has(k));
  });
}

/** Indexes of `count` items to keep so at most `max` remain, spread evenly, first and last included. */
export function thinIndexes(count: number, max: number): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  if (max <= 1) return [count - 1];
  const out = new Set<number>();
  for (let i = 0; i < max; i += 1) out.add(Math.round((i * (count - 1)) / (max - 1)));
  return [...out];
}

/** A key's snapshots of the last `days` days, oldest first, thinned evenly to at most `max` points. */
export async function snapshotHistory(
  db: Db,
  key: string,
  days: number,
  opts: { now?: number; max?: number } = {},
): Promise<MaturitySnapshotRow[]> {
  const since = new Date((opts.now ?? Date.now()) - days * 86_400_000);
  const where = and(eq(maturitySnapshots.solutionKey, key), gte(maturitySnapshots.takenAt, since));
  const order = [asc(maturitySnapshots.takenAt), asc(maturitySnapshots.id)];
  const ids = await db
    .select({ id: maturitySnapshots.id })
    .from(maturitySnapshots)
    .where(where)
    .orderBy(...order);
  const max = opts.max ?? MAX_HISTORY_POINTS;
  if (ids.length === 0) return [];
  const keep = thinIndexes(ids.length, max).flatMap((i) => {
    const row = ids[i];
    return row ? [row.id] : [];
  });
  return db
    .select()
    .from(maturitySnapshots)
    .where(inArray(maturitySnapshots.id, keep))
    .orderBy(...order);
}
