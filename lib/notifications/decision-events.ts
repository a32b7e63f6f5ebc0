import { getConfig } from "@/lib/config";
import type { DecisionRow } from "@/lib/db/schema";
import { modelRoutes } from "@/lib/routes";
import type { NotificationEvent } from "./events";

const VERBS: Record<string, string> = {
  approve: "approved",
  reject: "rejected",
  promote: "promoted",
  rollback: "rolled back",
  "gate-approve": "approved the deploy gate of",
  "gate-reject": "rejected the deploy gate of",
};

const ROLLOUTS = new Set(["promote", "rollback"]);

/** " (production account)" after an endpoint's name when several accounts are configured (as on its page). */
function accountNote(account: string | null): string {
  if (!account) return "";
  try {
    return getConfig().accounts.length > 1 ? ` (${account} account)` : "";
  } catch {
    return ` (${account} account)`;
  }
}

/**
 * A promotion's or rollback's outcome is its rollout's: it is applied only once the endpoint is InService with the
 * new configuration (lib/approvals/rollout.ts followRollout), failed when SageMaker refused or rolled it back. So
 * decision.applied / decision.failed of promote and rollback ARE "the rollout finished / failed"; the title says so.
 */
function titleOf(r: DecisionRow): string {
  const failed = r.state === "failed";
  const what = `${r.groupName} v${r.version}${r.targetStage ? ` to ${r.targetStage}` : ""}`;
  if (!ROLLOUTS.has(r.action) || !r.endpointName)
    return failed
      ? `${r.actorName}'s ${r.action} of ${what} failed`
      : `${r.actorName} ${VERBS[r.action] ?? r.action} ${what}`;
  const where = `${r.endpointName}${accountNote(r.account)}`;
  return failed
    ? `${r.actorName}'s ${r.action === "promote" ? "promotion" : "rollback"} of ${what} failed: ${where} does not serve it`
    : `${r.actorName} ${VERBS[r.action]} ${what}: now serving on ${where} (InService)`;
}

/** The event of a finished decision (applied or failed); its id is the decision's, so it is sent once. */
export function decisionEvent(r: DecisionRow): NotificationEvent {
  const failed = r.state === "failed";
  const rollout = ROLLOUTS.has(r.action) && r.endpointName;
  return {
    id: `decision:${r.id}:${r.state}`,
    type: failed ? "decision.failed" : "decision.applied",
    occurredAt: (r.completedAt ?? r.updatedAt).toISOString(),
    title: titleOf(r),
    summary: [r.outcome, r.reason ? `Reason: ${r.reason}` : null, r.warning ? `Warning: ${r.warning}` : null]
      .filter(Boolean)
      .join(" — "),
    path: modelRoutes.version(r.groupName, r.version),
    group: r.groupName,
    recipients: [r.actor],
    data: {
      decisionId: r.id,
      action: r.action,
      state: r.state,
      group: r.groupName,
      version: r.version,
      arn: r.modelPackageArn,
      from: r.expectedStatus,
      to: r.toStatus,
      stage: r.targetStage,
      endpoint: r.endpointName,
      account: r.account,
      actor: r.actor,
      actorName: r.actorName,
      reason: r.reason,
      outcome: r.outcome,
      ...(r.warning ? { warning: r.warning } : {}),
      ...(rollout ? { rollout: { endpoint: r.endpointName, status: failed ? "Failed" : "InService" } } : {}),
    },
  };
}
