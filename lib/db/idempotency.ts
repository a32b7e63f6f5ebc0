/**
 * idempotency_keys: one row per (key, actor, route). The request that claims it holds a lease it renews while
 * it runs; it then stores its answer (replayed to repeats) or releases the key (a failure may be retried).
 * A lease that lapsed means the request died mid-way: the next request with the key takes it over.
 */
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "./client";
import { idempotencyKeys as t, type IdempotencyKeyRow } from "./schema";

export interface IdempotencyScope {
  key: string;
  actor: string;
  route: string;
}

export function hashRequest(request: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(request ?? null))
    .digest("hex");
}

const whereScope = (s: IdempotencyScope) => and(eq(t.key, s.key), eq(t.actor, s.actor), eq(t.route, s.route));
const leaseEnd = (leaseMs: number) => new Date(Date.now() + leaseMs);

/**
 * Claims the key for this request: true when it is ours to run (new, or its holder's lease lapsed),
 * otherwise the row as it stands (running under a live lease, or finished with a stored answer).
 */
export async function claimKey(
  db: Db,
  scope: IdempotencyScope,
  requestHash: string,
  leaseMs: number,
): Promise<true | IdempotencyKeyRow> {
  const [claimed] = await db
    .insert(t)
    .values({ ...scope, requestHash, leaseUntil: leaseEnd(leaseMs) })
    .onConflictDoNothing()
    .returning({ key: t.key });
  if (claimed) return true;
  const [taken] = await db
    .update(t)
    .set({ requestHash, leaseUntil: leaseEnd(leaseMs), createdAt: new Date() })
    .where(and(whereScope(scope), isNull(t.status), or(isNull(t.leaseUntil), lt(t.leaseUntil, new Date()))))
    .returning({ key: t.key });
  if (taken) return true;
  const [row] = await db.select().from(t).where(whereScope(scope)).limit(1);
  // released between our insert and our read: try again
  return row ?? claimKey(db, scope, requestHash, leaseMs);
}

/** Extends the lease of a key this request still holds. */
export async function renewKey(db: Db, scope: IdempotencyScope, leaseMs: number): Promise<void> {
  await db
    .update(t)
    .set({ leaseUntil: leaseEnd(leaseMs) })
    .where(and(whereScope(scope), isNull(t.status)));
}

/** Stores the answer that repeats of this key get back. */
export async function completeKey(db: Db, scope: IdempotencyScope, status: number, body: unknown) {
  await db.update(t).set({ status, response: body, leaseUntil: null }).where(whereScope(scope));
}

/** Gives the key up after a failure, so the same key may be sent again. */
export async function releaseKey(db: Db, scope: IdempotencyScope): Promise<void> {
  await db.delete(t).where(and(whereScope(scope), isNull(t.status)));
}

export async function readKey(db: Db, scope: IdempotencyScope): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db.select().from(t).where(whereScope(scope)).limit(1);
  return row;
}
