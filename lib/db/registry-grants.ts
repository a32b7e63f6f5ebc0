/**
 * registry_grants: SageDeck's record of the "Grant access" changes it makes to model package group policies
 * (intent → PutModelPackageGroupPolicy → outcome). The intent is written before SageMaker is called; the outcome
 * and its audit row are one transaction, so a finished grant is audited exactly once.
 */
import { and, desc, eq, lt } from "drizzle-orm";
import { recordAudit, type AuditEventInput } from "./audit";
import type { Db } from "./client";
import { registryGrants as t, type RegistryGrantRow } from "./schema";

export type NewRegistryGrant = Omit<
  typeof t.$inferInsert,
  "state" | "createdAt" | "updatedAt" | "completedAt" | "outcome"
>;

/** The grant of `group` still pending (another admin's, or one whose outcome was lost), if any. */
export async function pendingGrant(db: Db, group: string): Promise<RegistryGrantRow | undefined> {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.groupName, group), eq(t.state, "pending")))
    .orderBy(desc(t.createdAt))
    .limit(1);
  return row;
}

/** Writes the intent (pending) before SageMaker is called. */
export async function insertGrantIntent(db: Db, row: NewRegistryGrant): Promise<RegistryGrantRow> {
  const [inserted] = await db
    .insert(t)
    .values({ ...row, state: "pending" })
    .returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

/**
 * Moves a pending grant to applied/failed and writes its audit row in the same transaction. Undefined — and
 * nothing written — when it was no longer pending (the reconciler or another replica finished it first).
 */
export function finishGrant(
  db: Db,
  id: string,
  state: "applied" | "failed",
  outcome: string,
  audit: (row: RegistryGrantRow) => AuditEventInput,
): Promise<RegistryGrantRow | undefined> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(t)
      .set({ state, outcome, updatedAt: now, completedAt: now })
      .where(and(eq(t.id, id), eq(t.state, "pending")))
      .returning();
    if (row) await recordAudit(tx, audit(row));
    return row;
  });
}

export async function getGrant(db: Db, id: string): Promise<RegistryGrantRow | undefined> {
  const [row] = await db.select().from(t).where(eq(t.id, id)).limit(1);
  return row;
}

/** The grants of a group, newest first. */
export function grantsForGroup(db: Db, group: string): Promise<RegistryGrantRow[]> {
  return db.select().from(t).where(eq(t.groupName, group)).orderBy(desc(t.createdAt));
}

/** Pending grants not touched for a while (their request died, or its outcome could not be written). */
export function unfinishedGrants(db: Db, olderThan: Date): Promise<RegistryGrantRow[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.state, "pending"), lt(t.updatedAt, olderThan)))
    .orderBy(t.createdAt);
}
