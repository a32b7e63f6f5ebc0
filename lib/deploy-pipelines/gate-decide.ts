/**
 * Answering a deploy pipeline gate: policy (permission, separation of duties, a reason), the intent row before the
 * call (decisions, action gate-approve | gate-reject, subject = the gate), PutApprovalResult with the gate's token
 * and a summary naming the person and the decision, then the outcome with its audit row. A stale token or an
 * answered gate → 409 naming who and when; two answers at once → one wins (the intent's unique subject/seq).
 * The request holds the intent's lease while it works (lib/approvals/lease.ts: 10 s, renewed every 3 s), so the
 * reconciler never takes over an answer whose request is alive, and takes over one whose request died within 15 s.
 */
import { randomUUID } from "node:crypto";
import { finishDecision, getDecision, insertIntent } from "@/lib/db/decisions";
import { ConflictError, isAppError, UpstreamTimeoutError, UpstreamUnavailableError } from "@/lib/errors";
import { decisionAudit } from "@/lib/approvals/audit";
import { holdingLease, leaseOwner } from "@/lib/approvals/lease";
import { approveReason, requireReason } from "@/lib/approvals/policy";
import { newLease } from "@/lib/db/decision-leases";
import { toDecisionView, type DecisionContext, type DecisionView } from "@/lib/approvals/types";
import {
  deployPipelineAccount,
  GateAnsweredError,
  GateTokenError,
  putApprovalResult,
} from "@/lib/sagemaker/codepipeline";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import type { Db } from "@/lib/db";
import type { AuditEventInput } from "@/lib/db/audit";
import type { DecisionGate, DecisionRow } from "@/lib/db/schema";
import { describeAnswer, gateSubject } from "./gate-answered";
import { assertMayAnswerGate, gateParticipants } from "./gate-policy";
import { waitingGatesOf } from "./gates";
import { deploymentModeOf } from "./mode";

export interface GateAnswerInput {
  pipeline: string;
  executionId: string;
  stage: string;
  action: string;
  /** the token the approver saw; another one open now → 409 */
  token: string;
  answer: "approve" | "reject";
  reason?: string;
}

/** "Approved by Alex Approver via SageDeck (decision …): reason" (PutApprovalResult's summary: at most 512). */
export const gateSummary = (status: string, actorName: string, id: string, reason?: string | null) =>
  `${status} by ${actorName} via SageDeck (decision ${id})${reason ? `: ${reason}` : "."}`.slice(0, 512);

async function stale(db: Db, input: GateAnswerInput): Promise<ConflictError> {
  const what = `The gate ${input.stage}/${input.action} of ${input.pipeline} (execution ${input.executionId})`;
  return new ConflictError(`${what} was ${await describeAnswer(db, input)}. Reload to see the pipeline now.`);
}

export async function answerGate(ctx: DecisionContext, input: GateAnswerInput): Promise<DecisionView> {
  // approving follows the organisation's rule (SAGEDECK_APPROVE_REASON); rejecting always needs a reason
  const reason =
    input.answer === "approve"
      ? approveReason(input.reason, "approve a deploy to production")
      : requireReason(input.reason, "reject a deploy gate");
  const open = (await waitingGatesOf("", input.pipeline, { fresh: true })).find(
    (g) => g.stage === input.stage && g.action === input.action && g.executionId === input.executionId,
  );
  if (!open || open.token !== input.token) throw await stale(ctx.db, input);
  if (!open.version)
    throw new ConflictError(
      `${input.pipeline} does not say which model version execution ${input.executionId} deploys (no ModelPackageArn output variable); answer it in CodePipeline.`,
    );
  const v = await describeModelVersion(open.version.arn, true);
  const mode = await deploymentModeOf(v.group);
  if (mode.mode !== "pipeline" || mode.pipeline !== input.pipeline)
    throw new ConflictError(`${input.pipeline} is not the deploy pipeline of model group ${v.group}.`);
  assertMayAnswerGate(ctx.user, await gateParticipants(ctx.db, v));

  const gate = {
    pipeline: input.pipeline,
    executionId: input.executionId,
    stage: input.stage,
    action: input.action,
  };
  const owner = leaseOwner("live");
  const intent = await insertIntent(ctx.db, {
    id: randomUUID(),
    action: input.answer === "approve" ? "gate-approve" : "gate-reject",
    subject: gateSubject(gate),
    groupName: v.group,
    version: v.version,
    modelPackageArn: v.arn,
    expectedStatus: "InProgress",
    toStatus: input.answer === "approve" ? "Approved" : "Rejected",
    actor: ctx.user.username,
    actorName: ctx.user.name,
    actorRole: ctx.user.role,
    reason,
    endpointName: open.staging?.name,
    account: deployPipelineAccount().name,
    gate: { ...gate, token: input.token },
    ...newLease(owner),
  });
  return holdingLease(ctx.db, intent.id, owner, () => applyGateAnswer(ctx, intent.id));
}

/** The decision's audit row, with the gate it answered (pipeline, execution, stage, action; not the token). */
export const gateAudit =
  (requestId?: string) =>
  (r: DecisionRow): AuditEventInput => {
    const base = decisionAudit(requestId)(r);
    const { token: _token, ...gate } = r.gate ?? { token: "" };
    return {
      ...base,
      target: `deploy-gate/${gateSubject(gate as Omit<DecisionGate, "token">).slice(5)}`,
      details: { ...base.details, gate },
    };
  };

const transient = (err: unknown) =>
  err instanceof UpstreamTimeoutError || err instanceof UpstreamUnavailableError;

/** Sends the intent's answer to CodePipeline and records the outcome (also used by the reconciler). */
export async function applyGateAnswer(
  ctx: Pick<DecisionContext, "db" | "requestId">,
  id: string,
): Promise<DecisionView> {
  const intent = await getDecision(ctx.db, id);
  if (!intent?.gate) throw new Error(`gate decision ${id} not found`);
  const { gate } = intent;
  try {
    await putApprovalResult({
      ...gate,
      status: intent.toStatus === "Approved" ? "Approved" : "Rejected",
      summary: gateSummary(intent.toStatus, intent.actorName, intent.id, intent.reason),
    });
  } catch (err) {
    // the answer may have landed: leave the intent pending for the reconciler, which reads the gate
    if (transient(err)) throw err;
    const conflict = err instanceof GateAnsweredError || err instanceof GateTokenError;
    const detail = conflict ? await stale(ctx.db, { ...gate, answer: "approve" }) : undefined;
    const message =
      detail?.message ?? (isAppError(err) ? err.message : "CodePipeline did not accept the answer.");
    await finishDecision(
      ctx.db,
      id,
      ["pending"],
      "failed",
      `Not applied: ${message}`,
      gateAudit(ctx.requestId),
    );
    throw detail ?? err;
  }
  const outcome =
    intent.toStatus === "Approved"
      ? `CodePipeline approved ${gate.stage}/${gate.action}; ${gate.pipeline} goes on to production.`
      : `CodePipeline rejected ${gate.stage}/${gate.action}; execution ${gate.executionId} of ${gate.pipeline} stops.`;
  const row =
    (await finishDecision(ctx.db, id, ["pending"], "applied", outcome, gateAudit(ctx.requestId))) ??
    (await getDecision(ctx.db, id));
  if (!row) throw new Error(`decision ${id} vanished`);
  return toDecisionView(row);
}
