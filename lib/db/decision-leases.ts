/**
 * Leases on in-flight decisions (pending, deploying). Whoever works on one — the live request that wrote the
 * intent, or the reconciler once it took it over — holds `lease_until` and renews it every few seconds; the
 * reconciler looks only at decisions whose lease has lapsed and takes one over with a conditional claim, so a
 * decision whose request is alive is never touched, and two reconcilers never act on one decision at once.
 */
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "./client";
import { decisions, type DecisionRow } from "./schema";

/** How long a lease lasts without renewal: a dead request's decision is taken over this long after its death. */
export const DECISION_LEASE_MS = 10_000;
/** How often a holder renews its lease (three renewals fit in one lease). */
export const DECISION_LEASE_RENEW_MS = 3_000;

const IN_FLIGHT = ["pending", "deploying"];
const leaseEnd = () => new Date(Date.now() + DECISION_LEASE_MS);

/** The lease columns of a new intent: held by `owner` from now on. */
export const newLease = (owner: string) => ({ leaseOwner: owner, leaseUntil: leaseEnd() });

/** Rows without a lease (written before leases; every verb holds one now, gate answers too) wait this long. */
export const UNLEASED_GRACE_MS = 60_000;

/**
 * Whether the decision's lease had lapsed at `at`: its `lease_until` is before it, or — a row without a lease —
 * it was created more than UNLEASED_GRACE_MS before it.
 */
const lapsedAt = (at: Date) =>
  or(
    lt(decisions.leaseUntil, at),
    and(isNull(decisions.leaseUntil), lt(decisions.createdAt, new Date(at.getTime() - UNLEASED_GRACE_MS))),
  );

/** In-flight decisions (pending or deploying) whose lease had lapsed at `at`, oldest first. */
export function unleasedDecisions(db: Db, at: Date): Promise<DecisionRow[]> {
  return db
    .select()
    .from(decisions)
    .where(and(inArray(decisions.state, IN_FLIGHT), lapsedAt(at)))
    .orderBy(asc(decisions.createdAt));
}

/**
 * Takes an in-flight decision over for `owner` if its lease had lapsed at `at` (one conditional UPDATE: of two
 * claimants one wins); the decision as claimed, or undefined when it finished or someone holds it.
 */
export async function claimDecision(
  db: Db,
  id: string,
  owner: string,
  at: Date,
): Promise<DecisionRow | undefined> {
  const [row] = await db
    .update(decisions)
    .set({ leaseOwner: owner, leaseUntil: leaseEnd() })
    .where(and(eq(decisions.id, id), inArray(decisions.state, IN_FLIGHT), lapsedAt(at)))
    .returning();
  return row;
}

/** Extends `owner`'s lease; false when it no longer holds it (taken over, or the decision finished). */
export async function renewDecisionLease(db: Db, id: string, owner: string): Promise<boolean> {
  const rows = await db
    .update(decisions)
    .set({ leaseUntil: leaseEnd() })
    .where(and(eq(decisions.id, id), eq(decisions.leaseOwner, owner), inArray(decisions.state, IN_FLIGHT)))
    .returning({ id: decisions.id });
  return rows.length > 0;
}

/** Ends `owner`'s lease now (its work is over): a decision still in flight is the reconciler's at its next tick. */
export async function releaseDecisionLease(db: Db, id: string, owner: string): Promise<void> {
  await db
    .update(decisions)
    .set({ leaseUntil: sql`to_timestamp(0)` })
    .where(and(eq(decisions.id, id), eq(decisions.leaseOwner, owner)));
}
