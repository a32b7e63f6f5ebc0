import { eq, inArray, lt, and, or, isNull } from "drizzle-orm";
import type { Db } from "./client";
import { signInThrottle } from "./schema";

/**
 * Failed sign-ins per key (`user:<name>` or `addr:<address>`), kept in the database so every replica sees the
 * same counts. `threshold` failures, with no quiet gap longer than `windowMs` between them, lock the key for
 * `baseLockMs`; each further failure after a lock doubles it, up to `maxLockMs`.
 */
export interface ThrottlePolicy {
  threshold: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const USER_POLICY: ThrottlePolicy = {
  threshold: 5,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

/** A client address is shared by many people (office NAT): more failures before it locks. */
export const ADDRESS_POLICY: ThrottlePolicy = { ...USER_POLICY, threshold: 30 };

export function lockMs(policy: ThrottlePolicy, failures: number): number {
  const over = Math.max(0, failures - policy.threshold);
  return Math.min(policy.baseLockMs * 2 ** Math.min(over, 20), policy.maxLockMs);
}

export interface Lock {
  key: string;
  until: Date;
  retryAfterSeconds: number;
}

/** The key among `keys` that is locked at `now` the longest, or null. Reads only. */
export async function activeLock(db: Db, keys: string[], now: Date): Promise<Lock | null> {
  if (keys.length === 0) return null;
  const rows = await db.select().from(signInThrottle).where(inArray(signInThrottle.key, keys));
  let best: Lock | null = null;
  for (const row of rows) {
    if (!row.lockedUntil || row.lockedUntil <= now) continue;
    if (best && best.until >= row.lockedUntil) continue;
    const retryAfterSeconds = Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
    best = { key: row.key, until: row.lockedUntil, retryAfterSeconds };
  }
  return best;
}

export interface FailureResult {
  failures: number;
  /** set when this failure locked the key */
  lockedUntil: Date | null;
  /** the key was already locked when this attempt was counted (it raced past the lock check) */
  wasLocked: boolean;
}

/** Counts one failed sign-in for `key` (atomically) and locks it when the policy says so. */
export async function recordFailure(
  db: Db,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<FailureResult> {
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values({ key, failures: 0, windowStart: now, updatedAt: now })
      .onConflictDoNothing({ target: signInThrottle.key });
    const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).for("update");
    if (!row) throw new Error(`sign_in_throttle row ${key} vanished`);
    const stale = row.failures > 0 && now.getTime() - row.updatedAt.getTime() > policy.windowMs;
    const locked = row.lockedUntil !== null && row.lockedUntil > now;
    const failures = stale && !locked ? 1 : row.failures + 1;
    const lockedUntil =
      failures >= policy.threshold ? new Date(now.getTime() + lockMs(policy, failures)) : null;
    await tx
      .update(signInThrottle)
      .set({
        failures,
        windowStart: failures === 1 ? now : row.windowStart,
        lockedUntil: lockedUntil ?? (stale ? null : row.lockedUntil),
        updatedAt: now,
      })
      .where(eq(signInThrottle.key, key));
    return { failures, lockedUntil, wasLocked: locked };
  });
}

/**
 * True once per lock: the first refused attempt while `key` is locked (so a flood of refused attempts puts one
 * row on the record per lock, not one per attempt). Marks the lock as reported by moving `updated_at` past
 * the moment the lock began.
 */
export async function claimRefusalReport(
  db: Db,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).for("update");
    if (!row?.lockedUntil || row.lockedUntil <= now) return false;
    const lockStart = row.lockedUntil.getTime() - lockMs(policy, row.failures);
    if (row.updatedAt.getTime() > lockStart) return false;
    await tx.update(signInThrottle).set({ updatedAt: now }).where(eq(signInThrottle.key, key));
    return true;
  });
}

/** A successful sign-in clears its user's counter. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** Drops counters that are neither locked nor recent (keeps the table small under a flood of addresses). */
export async function pruneThrottle(
  db: Db,
  now: Date,
  olderThanMs = USER_POLICY.maxLockMs * 2,
): Promise<void> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.updatedAt, cutoff),
        or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, now)),
      ),
    );
}
