import type { Db } from "@/lib/db";
import { recordAudit } from "@/lib/db/audit";
import type { DecisionRow } from "@/lib/db/schema";

/** One audit event per finished decision (applied or failed), with from → to and the reason. */
export async function auditDecision(db: Db, r: DecisionRow, requestId?: string): Promise<void> {
  await recordAudit(db, {
    actor: r.actor,
    actorRole: r.actorRole,
    action: `model.${r.action}`,
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
      previousArn: r.previousArn,
      message: r.outcome,
    },
    requestId,
  });
}
