import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { notificationOutbox as o, type NotificationOutboxRow } from "@/lib/db/schema";

/** What a claim sets: this worker's token, one more attempt, and the next attempt pushed out by the lease. */
const claimed = (opts: { leaseMs: number; token: string }) => ({
  claimToken: opts.token,
  attempts: sql`${o.attempts} + 1`,
  nextAttemptAt: sql`now() + make_interval(secs => ${opts.leaseMs / 1000})`,
  updatedAt: sql`now()`,
});

/**
 * Claims up to `limit` due rows for one worker pass. On PostgreSQL the due rows are selected `FOR UPDATE SKIP
 * LOCKED`, so two workers (replicas) claiming at once get disjoint rows; the claim moves `next_attempt_at` a
 * lease ahead, so the row is not due again while it is being sent — and is again if the worker dies mid-send
 * (at least once). The attempt is counted at the claim: a send that never finished still counts.
 */
export function claimDue(
  db: Db,
  opts: { limit: number; leaseMs: number; token: string },
): Promise<NotificationOutboxRow[]> {
  const due = db
    .select({ id: o.id })
    .from(o)
    .where(and(eq(o.status, "pending"), sql`${o.nextAttemptAt} <= now()`))
    .orderBy(asc(o.nextAttemptAt))
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  return db.update(o).set(claimed(opts)).where(inArray(o.id, due)).returning();
}

/** Claims one row by id (send a test, send again now) when it is pending and due; undefined otherwise. */
export async function claimOne(
  db: Db,
  id: string,
  opts: { leaseMs: number; token: string },
): Promise<NotificationOutboxRow | undefined> {
  const [row] = await db
    .update(o)
    .set(claimed(opts))
    .where(and(eq(o.id, id), eq(o.status, "pending"), sql`${o.nextAttemptAt} <= now()`))
    .returning();
  return row;
}

/** Marks a claimed row sent; false when the claim was lost (its lease lapsed and another worker took it). */
export async function markSent(db: Db, row: NotificationOutboxRow, code: number | null): Promise<boolean> {
  const done = await db
    .update(o)
    .set({
      status: "sent",
      lastResponseCode: code,
      lastError: null,
      sentAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(o.id, row.id), eq(o.claimToken, row.claimToken ?? "")))
    .returning({ id: o.id });
  return done.length > 0;
}

/** A failed attempt: due again after `delayMs`, or dead when `dead`. */
export async function markFailed(
  db: Db,
  row: NotificationOutboxRow,
  failure: { code: number | null; error: string; dead: boolean; delayMs: number },
): Promise<boolean> {
  const done = await db
    .update(o)
    .set({
      status: failure.dead ? "dead" : "pending",
      lastResponseCode: failure.code,
      lastError: failure.error.slice(0, 1000),
      nextAttemptAt: sql`now() + make_interval(secs => ${failure.delayMs / 1000})`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(o.id, row.id), eq(o.claimToken, row.claimToken ?? "")))
    .returning({ id: o.id });
  return done.length > 0;
}

/**
 * "Send again": a sent or dead delivery goes back to pending, due now, with a fresh retry budget (attempts
 * restart at 0). The delivery id stays, so a receiver that already has it can tell it is the same message.
 */
export async function requeue(db: Db, id: string): Promise<NotificationOutboxRow | undefined> {
  const [row] = await db
    .update(o)
    .set({
      status: "pending",
      attempts: 0,
      nextAttemptAt: sql`now()`,
      claimToken: null,
      updatedAt: sql`now()`,
    })
    .where(eq(o.id, id))
    .returning();
  return row;
}

/**
 * Exponential backoff with jitter after the `attempt`-th failure: half of `base·2^(attempt-1)` (capped at `max`)
 * plus a random part up to the other half, so receivers coming back are not hit by every replica at once.
 */
export function backoffMs(attempt: number, base: number, max: number, random = Math.random): number {
  const full = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + random() * (full / 2));
}
