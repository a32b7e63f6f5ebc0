import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "./client";
import { maturityExemptions, type MaturityExemptionRow } from "./schema";

export type NewExemption = Pick<
  MaturityExemptionRow,
  "solutionKey" | "checkId" | "reason" | "grantedBy" | "grantedByName" | "expiresAt"
>;

/** Who closes an expired open exemption when a new one is granted for the same check. */
export const EXPIRED_BY = "system:expired";

/** Postgres unique_violation (23505), also when a driver wraps it in `cause`. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 4; i++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The open (not revoked) exemption for one check of one solution, expired or not. */
export async function openExemption(
  db: Db,
  solutionKey: string,
  checkId: string,
): Promise<MaturityExemptionRow | undefined> {
  const [row] = await db
    .select()
    .from(maturityExemptions)
    .where(
      and(
        eq(maturityExemptions.solutionKey, solutionKey),
        eq(maturityExemptions.checkId, checkId),
        isNull(maturityExemptions.revokedAt),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Closes an open exemption that has expired by `now` (revoked_at = its expiry, revoked_by "system:expired"), so
 * the unique index on open exemptions lets a new one in. Returns the closed row, if any.
 */
export async function closeExpired(
  db: Db,
  solutionKey: string,
  checkId: string,
  now: Date,
): Promise<MaturityExemptionRow | undefined> {
  const open = await openExemption(db, solutionKey, checkId);
  if (!open || open.expiresAt > now) return undefined;
  const [closed] = await db
    .update(maturityExemptions)
    .set({ revokedAt: open.expiresAt, revokedBy: EXPIRED_BY })
    .where(and(eq(maturityExemptions.id, open.id), isNull(maturityExemptions.revokedAt)))
    .returning();
  return closed;
}

/** Inserts an open exemption; a concurrent open one for the same check makes this throw a unique violation. */
export async function insertExemption(db: Db, row: NewExemption, now: Date): Promise<MaturityExemptionRow> {
  const [inserted] = await db
    .insert(maturityExemptions)
    .values({ ...row, id: randomUUID(), grantedAt: now })
    .returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

/** Revokes one open exemption of a solution; undefined when it is not open (unknown, or revoked first). */
export async function revokeExemption(
  db: Db,
  solutionKey: string,
  id: string,
  by: string,
  now: Date,
): Promise<MaturityExemptionRow | undefined> {
  const [row] = await db
    .update(maturityExemptions)
    .set({ revokedAt: now, revokedBy: by })
    .where(
      and(
        eq(maturityExemptions.id, id),
        eq(maturityExemptions.solutionKey, solutionKey),
        isNull(maturityExemptions.revokedAt),
      ),
    )
    .returning();
  return row;
}

export async function getExemption(db: Db, id: string): Promise<MaturityExemptionRow | undefined> {
  const [row] = await db.select().from(maturityExemptions).where(eq(maturityExemptions.id, id)).limit(1);
  return row;
}

/** Every exemption of a solution, open and past, newest grant first (bounded). */
export function listExemptions(db: Db, solutionKey: string, limit = 200): Promise<MaturityExemptionRow[]> {
  return db
    .select()
    .from(maturityExemptions)
    .where(eq(maturityExemptions.solutionKey, solutionKey))
    .orderBy(desc(maturityExemptions.grantedAt), desc(maturityExemptions.id))
    .limit(limit);
}

/** Open exemptions of every solution (one query; the report applies the unexpired ones). */
export function listOpenExemptions(db: Db): Promise<MaturityExemptionRow[]> {
  return db.select().from(maturityExemptions).where(isNull(maturityExemptions.revokedAt));
}
