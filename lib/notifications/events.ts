/**
 * The events SageDeck notifies about (issue 21). An event's `id` is its idempotency id: enqueuing the same event
 * twice (a reconciler pass and a request finishing the same decision, two replicas' watchers) writes nothing new.
 */
export const EVENT_TYPES = [
  "version.waiting",
  "decision.applied",
  "decision.failed",
  "approval.sla_warning",
  "approval.sla_missed",
  "run.failed",
  "exemption.expiring",
  "maturity.phase_changed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_LABELS: Record<EventType, string> = {
  "version.waiting": "A version is waiting for approval",
  "decision.applied":
    "A decision was applied (approve, reject, gate; a promotion or rollback once its endpoint is InService)",
  "decision.failed": "A decision failed (a promotion's or rollback's rollout included)",
  "approval.sla_warning": "An approval is about to miss its service level",
  "approval.sla_missed": "An approval missed its service level",
  "run.failed": "A pipeline run started in SageDeck failed",
  "exemption.expiring": "A maturity exemption is about to expire",
  "maturity.phase_changed": "A solution's maturity phase changed (up or down)",
};

/** The events a person may receive personally: about their approvals and their runs. */
export const PERSONAL_EVENT_TYPES = [
  "version.waiting",
  "decision.applied",
  "decision.failed",
  "approval.sla_warning",
  "run.failed",
] as const satisfies readonly EventType[];

export interface NotificationEvent {
  /** idempotency id: the same event is enqueued at most once per destination */
  id: string;
  type: EventType;
  occurredAt: string;
  /** one line, e.g. "fraud-xgboost v12 is waiting for approval" */
  title: string;
  /** a sentence or two with the evidence an approver needs */
  summary: string;
  /** the page to open, a path (`/models/fraud-xgboost/12`); made absolute at delivery */
  path: string;
  /** for channel filters */
  group?: string;
  solution?: string;
  /** usernames who receive it personally when their preferences ask for it */
  recipients?: string[];
  data: Record<string, unknown>;
}
