/**
 * pipeline_run_actions: SageDeck's own record of the runs it started, stopped and retried (intent → SageMaker
 * call → outcome). "Who started this run" is read here, never from the audit log.
 */
import { and, desc, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import { recordAudit, type AuditEventInput } from "./audit";
import type { Db } from "./client";
import { pipelineRunActions as t, type PipelineRunActionRow } from "./schema";

export type RunActionKind = "start" | "stop" | "retry";
export type NewRunAction = Omit<
  typeof t.$inferInsert,
  "state" | "createdAt" | "updatedAt" | "completedAt" | "outcome"
> & { action: RunActionKind };

/** A start that SageDeck knows about: applied, or still pending with its ARN already known. */
const STARTED = and(
  eq(t.action, "start"),
  inArray(t.state, ["applied", "pending"]),
  isNotNull(t.executionArn),
);

/**
 * Writes the intent (pending) before SageMaker is called. The same (action, token) again — the same
 * Idempotency-Key resubmitted after a failure or a lost answer — reuses the row: a failed one is reopened
 * with the new content, a pending or applied one is returned as it is (the caller decides).
 */
export async function claimRunAction(db: Db, row: NewRunAction): Promise<PipelineRunActionRow> {
  const [inserted] = await db
    .insert(t)
    .values({ ...row, state: "pending" })
    .onConflictDoNothing()
    .returning();
  if (inserted) return inserted;
  const same = and(eq(t.action, row.action), eq(t.clientRequestToken, row.clientRequestToken));
  const [reopened] = await db
    .update(t)
    .set({
      parameters: row.parameters,
      displayName: row.displayName,
      description: row.description,
      selective: row.selective ?? null,
      idempotencyKey: row.idempotencyKey,
      requestId: row.requestId,
      state: "pending",
      outcome: null,
      completedAt: null,
      updatedAt: new Date(),
    })
    .where(and(same, eq(t.state, "failed")))
    .returning();
  if (reopened) return reopened;
  const [existing] = await db.select().from(t).where(same).limit(1);
  if (!existing) throw new Error(`run action ${row.action}/${row.clientRequestToken} vanished`);
  return existing;
}

/**
 * Moves a pending action to applied/failed and writes its audit row in the same transaction. Undefined when
 * it was no longer pending (the reconciler, another replica or a resubmission finished it first): then
 * nothing is written, so every finished action is audited exactly once.
 */
export function finishRunAction(
  db: Db,
  id: string,
  state: "applied" | "failed",
  outcome: string,
  executionArn: string | undefined,
  audit: (row: PipelineRunActionRow) => AuditEventInput,
): Promise<PipelineRunActionRow | undefined> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(t)
      .set({ state, outcome, updatedAt: now, completedAt: now, ...(executionArn ? { executionArn } : {}) })
      .where(and(eq(t.id, id), eq(t.state, "pending")))
      .returning();
    if (row) await recordAudit(tx, audit(row));
    return row;
  });
}

export async function getRunAction(db: Db, id: string): Promise<PipelineRunActionRow | undefined> {
  const [row] = await db.select().from(t).where(eq(t.id, id)).limit(1);
  return row;
}

/** Pending actions not touched for a while (their request died, or its outcome could not be written). */
export function unfinishedRunActions(db: Db, olderThan: Date): Promise<PipelineRunActionRow[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.state, "pending"), lt(t.updatedAt, olderThan)))
    .orderBy(t.createdAt);
}

/** Pending starts of a pipeline whose execution ARN SageDeck has not learned yet. */
export function pendingStartsWithoutArn(db: Db, pipelineName: string): Promise<PipelineRunActionRow[]> {
  return db
    .select()
    .from(t)
    .where(
      and(
        eq(t.action, "start"),
        eq(t.state, "pending"),
        eq(t.pipelineName, pipelineName),
        isNull(t.executionArn),
      ),
    )
    .orderBy(t.createdAt);
}

/** The SageDeck users (usernames) who started these executions. */
export async function startersOf(db: Db, arns: string[]): Promise<Map<string, string>> {
  if (arns.length === 0) return new Map();
  const rows = await db
    .select({ arn: t.executionArn, actor: t.actor })
    .from(t)
    .where(and(STARTED, inArray(t.executionArn, arns)));
  return new Map(rows.flatMap((r) => (r.arn ? [[r.arn, r.actor] as const] : [])));
}

/** The executions `username` started through SageDeck, newest first. */
export async function startsBy(
  db: Db,
  username: string,
  limit: number,
): Promise<{ executionArn: string; at: number }[]> {
  const rows = await db
    .select({ arn: t.executionArn, at: t.createdAt })
    .from(t)
    .where(and(STARTED, eq(t.actor, username)))
    .orderBy(desc(t.createdAt))
    .limit(limit);
  return rows.flatMap((r) => (r.arn ? [{ executionArn: r.arn, at: r.at.getTime() }] : []));
}
