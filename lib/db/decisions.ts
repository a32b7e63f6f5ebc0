import { and, asc, desc, eq, inArray, lt, ne, or } from "drizzle-orm";
import { ConflictError } from "@/lib/errors";
import { decisionEvent } from "@/lib/notifications/decision-events";
import { enqueueNotifications } from "@/lib/notifications/enqueue";
import { recordAudit, type AuditEventInput } from "./audit";
import type { Db } from "./client";
import { decisions, type DecisionRow } from "./schema";

export type DecisionState = "pending" | "deploying" | "applied" | "failed";
export type NewDecision = Omit<
  typeof decisions.$inferInsert,
  "seq" | "state" | "createdAt" | "updatedAt" | "completedAt" | "outcome"
>;

const IN_FLIGHT: DecisionState[] = ["pending", "deploying"];

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 4; i++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export function describeRow(r: DecisionRow): string {
  return `${r.actorName} (${r.action} → ${r.toStatus}, ${when(r.createdAt)})`;
}

/**
 * Writes the intent row, or refuses with 409: another decision on the same subject is in flight, the last
 * applied one already moved it past `expectedStatus`, or a concurrent writer took the same `seq` first.
 */
export async function insertIntent(db: Db, row: NewDecision): Promise<DecisionRow> {
  const live = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.subject, row.subject), ne(decisions.state, "failed")))
    .orderBy(desc(decisions.seq));
  const inFlight = live.find((r) => (IN_FLIGHT as string[]).includes(r.state));
  if (inFlight) {
    throw new ConflictError(
      `${inFlight.actorName} is already deciding on this (${inFlight.action} → ${inFlight.toStatus}, started ${when(inFlight.createdAt)}); wait for it to finish, then reload.`,
    );
  }
  const last = live[0];
  if (last && row.subject.startsWith("approval:") && last.toStatus !== row.expectedStatus) {
    throw new ConflictError(`Someone decided first: ${describeRow(last)}. Reload to see the current status.`);
  }
  const seq = last ? last.seq + 1 : 0;
  try {
    const [inserted] = await db
      .insert(decisions)
      .values({ ...row, seq, state: "pending" })
      .returning();
    if (!inserted) throw new Error("insert returned no row");
    return inserted;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const [winner] = await db
      .select()
      .from(decisions)
      .where(and(eq(decisions.subject, row.subject), eq(decisions.seq, seq), ne(decisions.state, "failed")))
      .limit(1);
    throw new ConflictError(
      winner
        ? `Someone decided first: ${describeRow(winner)}. Reload to see the current status.`
        : "Someone else decided at the same moment; reload to see the current status.",
      { cause: err },
    );
  }
}

/** Sets a decision's in-flight state (deploying); finished states go through finishDecision. */
export async function markDecision(
  db: Db,
  id: string,
  state: "pending" | "deploying",
  outcome: string,
  extra: Partial<Pick<DecisionRow, "endpointConfigName" | "previousArn" | "warning">> = {},
): Promise<DecisionRow> {
  const [row] = await db
    .update(decisions)
    .set({ state, outcome, updatedAt: new Date(), ...extra })
    .where(eq(decisions.id, id))
    .returning();
  if (!row) throw new Error(`decision ${id} vanished`);
  return row;
}

/**
 * Moves a decision from one of `from` to `state`; undefined when it was no longer in `from` (another
 * process — the reconciler, a poll, another replica — finished it first), so the caller audits nothing.
 */
export async function transition(
  db: Db,
  id: string,
  from: DecisionState[],
  state: DecisionState,
  outcome: string,
  extra: Partial<Pick<DecisionRow, "endpointConfigName" | "previousArn" | "warning">> = {},
): Promise<DecisionRow | undefined> {
  const done = state === "applied" || state === "failed";
  const [row] = await db
    .update(decisions)
    .set({ state, outcome, updatedAt: new Date(), ...(done ? { completedAt: new Date() } : {}), ...extra })
    .where(and(eq(decisions.id, id), inArray(decisions.state, from)))
    .returning();
  return row;
}

/**
 * Finishes a decision (applied or failed) and writes its audit row and its notifications (the outbox) in the same
 * transaction, so none exists without the others. Undefined — and no audit row — when it was no longer in `from`
 * (finished elsewhere first).
 */
export function finishDecision(
  db: Db,
  id: string,
  from: DecisionState[],
  state: "applied" | "failed",
  outcome: string,
  audit: (row: DecisionRow) => AuditEventInput,
  extra: Partial<Pick<DecisionRow, "endpointConfigName" | "previousArn" | "warning">> = {},
): Promise<DecisionRow | undefined> {
  return db.transaction(async (tx) => {
    const row = await transition(tx, id, from, state, outcome, extra);
    if (row) await recordAudit(tx, audit(row));
    if (row) await enqueueNotifications(tx, decisionEvent(row));
    return row;
  });
}

export async function getDecision(db: Db, id: string): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(decisions).where(eq(decisions.id, id)).limit(1);
  return row;
}

export function decisionsForVersion(db: Db, arn: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(decisions)
    .where(or(eq(decisions.modelPackageArn, arn), eq(decisions.previousArn, arn)))
    .orderBy(desc(decisions.createdAt));
}

export function decisionsForGroup(db: Db, group: string): Promise<DecisionRow[]> {
  return db.select().from(decisions).where(eq(decisions.groupName, group)).orderBy(desc(decisions.createdAt));
}

/** Latest decision per version for a set of ARNs (inbox, lists). */
export async function latestDecisions(db: Db, arns: string[]): Promise<Map<string, DecisionRow>> {
  if (arns.length === 0) return new Map();
  const rows = await db
    .select()
    .from(decisions)
    .where(inArray(decisions.modelPackageArn, arns))
    .orderBy(asc(decisions.createdAt));
  return new Map(rows.map((r) => [r.modelPackageArn, r]));
}

/** Intents still in flight, older than `olderThan` (pending) — or all deploying ones. */
export function unfinishedDecisions(db: Db, olderThan: Date): Promise<DecisionRow[]> {
  return db
    .select()
    .from(decisions)
    .where(
      or(
        and(eq(decisions.state, "pending"), lt(decisions.createdAt, olderThan)),
        eq(decisions.state, "deploying"),
      ),
    )
    .orderBy(asc(decisions.createdAt));
}

/** Applied promotions/rollbacks of a group's stage, oldest first. */
export function stageHistory(db: Db, group: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(decisions)
    .where(
      and(
        eq(decisions.groupName, group),
        eq(decisions.state, "applied"),
        inArray(decisions.action, ["promote", "rollback"]),
      ),
    )
    .orderBy(asc(decisions.completedAt));
}
