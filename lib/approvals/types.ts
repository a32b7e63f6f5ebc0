import type { DecisionRow } from "@/lib/db/schema";
import type { VerbContext } from "@/lib/verb-context";

/** Decision verbs take the one verb context. */
export type DecisionContext = VerbContext;

export type DecisionAction = "approve" | "reject" | "promote" | "rollback";

/** What the API and the UI see of a decision. Times are epoch ms. */
export interface DecisionView {
  id: string;
  action: string;
  state: string;
  outcome?: string;
  group: string;
  version: number;
  arn: string;
  targetStage?: string;
  expectedStatus: string;
  toStatus: string;
  actor: string;
  actorName: string;
  reason?: string;
  endpointName?: string;
  /** the configured account of the endpoint a promote/rollback deploys to */
  account?: string;
  previousArn?: string;
  /** a follow-up that did not go through (e.g. autoscaling not registered); the decision itself stands */
  warning?: string;
  createdAt: number;
  completedAt?: number;
}

export function toDecisionView(r: DecisionRow): DecisionView {
  return {
    id: r.id,
    action: r.action,
    state: r.state,
    outcome: r.outcome ?? undefined,
    group: r.groupName,
    version: r.version,
    arn: r.modelPackageArn,
    targetStage: r.targetStage ?? undefined,
    expectedStatus: r.expectedStatus,
    toStatus: r.toStatus,
    actor: r.actor,
    actorName: r.actorName,
    reason: r.reason ?? undefined,
    endpointName: r.endpointName ?? undefined,
    account: r.account ?? undefined,
    previousArn: r.previousArn ?? undefined,
    warning: r.warning ?? undefined,
    createdAt: r.createdAt.getTime(),
    completedAt: r.completedAt?.getTime(),
  };
}
