import { decisionAuditAction } from "@/lib/audit/actions";
import type { AuditEventInput } from "@/lib/db/audit";
import type { DecisionRow } from "@/lib/db/schema";

/**
 * The audit event of a finished decision (applied or failed), with from → to and the reason; written by
 * finishDecision in the same transaction as the state change.
 */
export const decisionAudit =
  (requestId?: string) =>
  (r: DecisionRow): AuditEventInput => ({
    actor: r.actor,
    actorRole: r.actorRole,
    action: decisionAuditAction(r.action),
    target: `model-package/${r.groupName}/${r.version}`,
    outcome: r.state === "failed" ? "failed" : "ok",
    details: {
      decisionId: r.id,
      actorName: r.actorName,
      group: r.groupName,
      version: r.version,
      arn: r.modelPackageArn,
      from: r.expectedStatus,
      to: r.toStatus,
      reason: r.reason,
      stage: r.targetStage,
      endpoint: r.endpointName,
      account: r.account,
      previousArn: r.previousArn,
      message: r.outcome,
      ...(r.warning ? { warning: r.warning } : {}),
    },
    requestId,
  });
