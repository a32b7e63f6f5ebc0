import { randomUUID } from "node:crypto";
import { decisionsForVersion, finishDecision, getDecision, insertIntent } from "@/lib/db/decisions";
import { newLease } from "@/lib/db/decision-leases";
import type { DecisionRow } from "@/lib/db/schema";
import { ConflictError, isAppError, RecordPendingError } from "@/lib/errors";
import { log } from "@/lib/log";
import { setApprovalStatus } from "@/lib/sagemaker/registry/writes";
import { findModelVersion } from "@/lib/sagemaker/registry/reads";
import type { ApprovalStatus, ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { decisionAudit } from "./audit";
import { holdingLease, leaseOwner } from "./lease";
import { assertNotRegistrant, requireReason } from "./policy";
import { toDecisionView, type DecisionContext, type DecisionView } from "./types";

export interface ApprovalInput {
  group: string;
  version: number;
  /** The status the decider saw; if it changed meanwhile the answer is 409 (optimistic concurrency). */
  expectedStatus: ApprovalStatus;
  reason?: string;
}

const at = (ms?: number) =>
  ms ? new Date(ms).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "earlier";

export function assertExpected(
  v: ModelVersionDetail,
  current: string,
  expected: string,
  by?: { name: string; at: number },
): void {
  if (current === expected) return;
  const who = by?.name ?? v.lastModifiedBy ?? "someone";
  throw new ConflictError(
    `${v.group} version ${v.version} is ${current} now, not ${expected}: ${who} changed it at ${at(by?.at ?? v.lastModifiedAt)}. Reload to see the current status.`,
  );
}

/** The decision id SageDeck writes into SageMaker's ApprovalDescription (see approvalDescription below). */
const DECISION_IN_DESCRIPTION = /via SageDeck \(decision ([0-9a-f-]{36})\)/;

/**
 * Who set the version's current approval status, from SageDeck's own record when SageDeck made the change
 * (SageMaker's LastModifiedBy then only names the dashboard's AWS identity). The decision named in SageMaker's
 * ApprovalDescription comes first, whatever its record's state: after a database outage the change can be in
 * SageMaker while its record is still pending (the reconciler catches it up), and it is still that person's.
 */
async function changedBy(
  ctx: DecisionContext,
  v: ModelVersionDetail,
): Promise<{ name: string; at: number } | undefined> {
  const rows = await decisionsForVersion(ctx.db, v.arn);
  const named = DECISION_IN_DESCRIPTION.exec(v.approvalDescription ?? "")?.[1];
  const described = rows.find((r) => r.id === named && r.toStatus === v.approvalStatus);
  if (described) {
    const when = v.lastModifiedAt ?? (described.completedAt ?? described.updatedAt).getTime();
    return { name: `${described.actorName} (via SageDeck)`, at: when };
  }
  const last = rows
    .filter((r) => (r.action === "approve" || r.action === "reject") && r.state === "applied")
    .filter((r) => r.toStatus === v.approvalStatus)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!last) return undefined;
  return { name: `${last.actorName} (via SageDeck)`, at: (last.completedAt ?? last.updatedAt).getTime() };
}

/** "Approved by Alex Approver via SageDeck (decision …): reason" — SageMaker only sees the dashboard's identity. */
export function approvalDescription(
  status: ApprovalStatus,
  actorName: string,
  id: string,
  reason?: string,
): string {
  return `${status} by ${actorName} via SageDeck (decision ${id})${reason ? `: ${reason}` : "."}`;
}

async function decideApproval(
  ctx: DecisionContext,
  input: ApprovalInput,
  action: "approve" | "reject",
): Promise<DecisionView> {
  const toStatus: ApprovalStatus = action === "approve" ? "Approved" : "Rejected";
  const reason =
    action === "reject" ? requireReason(input.reason, "reject a version") : input.reason?.trim() || undefined;
  const v = await findModelVersion(input.group, input.version, true);
  await assertNotRegistrant(ctx.db, ctx.user, v);
  if (v.approvalStatus !== input.expectedStatus)
    assertExpected(v, v.approvalStatus, input.expectedStatus, await changedBy(ctx, v));
  if (toStatus === v.approvalStatus)
    throw new ConflictError(`${v.group} version ${v.version} is already ${toStatus}.`);

  const owner = leaseOwner("live");
  const intent = await insertIntent(ctx.db, {
    id: randomUUID(),
    action,
    subject: `approval:${v.arn}`,
    groupName: v.group,
    version: v.version,
    modelPackageArn: v.arn,
    expectedStatus: input.expectedStatus,
    toStatus,
    actor: ctx.user.username,
    actorName: ctx.user.name,
    actorRole: ctx.user.role,
    reason,
    ...newLease(owner),
  });
  return holdingLease(ctx.db, intent.id, owner, () => applyApproval(ctx, intent.id));
}

/** Sends the intent to SageMaker (ClientToken = decision id, so a resend takes effect once) and records the outcome. */
export async function applyApproval(
  ctx: Pick<DecisionContext, "db" | "requestId">,
  id: string,
): Promise<DecisionView> {
  const intent = await getDecision(ctx.db, id);
  if (!intent) throw new Error(`decision ${id} not found`);
  const status = intent.toStatus as ApprovalStatus;
  try {
    await setApprovalStatus({
      arn: intent.modelPackageArn,
      status,
      description: approvalDescription(status, intent.actorName, intent.id, intent.reason ?? undefined),
      clientToken: intent.id,
    });
  } catch (err) {
    const message = isAppError(err) ? err.message : "SageMaker did not accept the change.";
    const audit = decisionAudit(ctx.requestId);
    // SageMaker's refusal is the answer; a record that cannot be written now is the reconciler's to write
    await finishDecision(ctx.db, id, ["pending"], "failed", `Not applied: ${message}`, audit).catch(
      (dbErr: unknown) => log("error", `decision ${id}: outcome not recorded`, { err: dbErr }),
    );
    throw err;
  }
  const outcome = `SageMaker now shows ${status}.`;
  let row: DecisionRow | undefined;
  try {
    row =
      (await finishDecision(ctx.db, id, ["pending"], "applied", outcome, decisionAudit(ctx.requestId))) ??
      (await getDecision(ctx.db, id));
  } catch (err) {
    throw new RecordPendingError(
      `Applied in SageMaker: ${intent.groupName} version ${intent.version} is ${status}. SageDeck could not record it (its database did not answer); the record will catch up on its own — reload in a minute.`,
      { cause: err },
    );
  }
  if (!row) throw new Error(`decision ${id} vanished`);
  return toDecisionView(row);
}

export function approveVersion(ctx: DecisionContext, input: ApprovalInput): Promise<DecisionView> {
  return decideApproval(ctx, input, "approve");
}

export function rejectVersion(ctx: DecisionContext, input: ApprovalInput): Promise<DecisionView> {
  return decideApproval(ctx, input, "reject");
}
