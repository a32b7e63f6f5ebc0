import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { maturityTargets, type MaturityTargetRow } from "./schema";

/** The organisation's default targets live under this solution key. */
export const ORG_KEY = "*";

export interface TargetValues {
  approvalSlaHours: number | null;
  leadTimeTargetHours: number | null;
}

export type TargetSource = "organisation" | "solution";

/** A solution's effective target: the value and where it came from; null when nobody set one. */
export interface EffectiveTarget {
  value: number;
  from: TargetSource;
}

export interface EffectiveTargets {
  approvalSlaHours: EffectiveTarget | null;
  leadTimeTargetHours: EffectiveTarget | null;
}

export function listTargets(db: Db): Promise<MaturityTargetRow[]> {
  return db.select().from(maturityTargets).orderBy(maturityTargets.solutionKey);
}

export async function getTargets(db: Db, solutionKey: string): Promise<MaturityTargetRow | undefined> {
  const [row] = await db
    .select()
    .from(maturityTargets)
    .where(eq(maturityTargets.solutionKey, solutionKey))
    .limit(1);
  return row;
}

/**
 * Writes one row (the organisation's default, or a solution's override). A solution override with both values
 * null is deleted: the solution follows the organisation again. Returns the row as stored, or undefined.
 */
export async function setTargets(
  db: Db,
  solutionKey: string,
  values: TargetValues,
  by: string,
  now: Date,
): Promise<MaturityTargetRow | undefined> {
  if (solutionKey !== ORG_KEY && values.approvalSlaHours === null && values.leadTimeTargetHours === null) {
    await db.delete(maturityTargets).where(eq(maturityTargets.solutionKey, solutionKey));
    return undefined;
  }
  const set = { ...values, updatedAt: now, updatedBy: by };
  const [row] = await db
    .insert(maturityTargets)
    .values({ solutionKey, ...set })
    .onConflictDoUpdate({ target: maturityTargets.solutionKey, set })
    .returning();
  return row;
}

function pick(org: number | null | undefined, own: number | null | undefined): EffectiveTarget | null {
  if (own !== null && own !== undefined) return { value: own, from: "solution" };
  if (org !== null && org !== undefined) return { value: org, from: "organisation" };
  return null;
}

/**
 * Resolution, per value: the solution's override when it sets one, else the organisation's default, else none.
 * `solutionKey` undefined (or "*") resolves the organisation's own targets.
 */
export function resolveTargets(rows: MaturityTargetRow[], solutionKey?: string): EffectiveTargets {
  const org = rows.find((r) => r.solutionKey === ORG_KEY);
  const own =
    solutionKey && solutionKey !== ORG_KEY ? rows.find((r) => r.solutionKey === solutionKey) : undefined;
  return {
    approvalSlaHours: pick(org?.approvalSlaHours, own?.approvalSlaHours),
    leadTimeTargetHours: pick(org?.leadTimeTargetHours, own?.leadTimeTargetHours),
  };
}

/** The organisation's approval service level in hours (approvals inbox); undefined when unset or unreadable. */
export async function organisationApprovalSla(db: Db): Promise<number | undefined> {
  try {
    return (await getTargets(db, ORG_KEY))?.approvalSlaHours ?? undefined;
  } catch {
    return undefined;
  }
}
