import type { Db } from "@/lib/db";
import { latestDecisions } from "@/lib/db/decisions";
import { organisationApprovalSla } from "@/lib/db/maturity-targets";
import { stageEndpointsForGroup } from "@/lib/sagemaker/endpoints/reads";
import { describeModelVersion, listModelGroups, listModelVersions } from "@/lib/sagemaker/registry/reads";
import { versionLineage, type Lineage } from "@/lib/sagemaker/registry/lineage";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import type { WithEvidence } from "@/lib/models/metric-types";
import { withEvidence } from "@/lib/models/metrics";
import type { AllowedActions } from "./allowed";
import { allowedActions, type PolicyUser } from "./allowed-actions";
import { findRegistrant } from "./policy";
import { toDecisionView, type DecisionView } from "./types";

export const DEFAULT_SLA_HOURS = 48;

export interface ProductionBaseline {
  version: number;
  endpoint: string;
  metrics: Record<string, number>;
}

/** One version waiting for a decision, with the evidence an approver needs on one screen. */
export interface InboxItem {
  /** `metrics` from every source; `evidence` says where each came from and how each report read */
  version: WithEvidence<ModelVersionDetail>;
  ageMs: number;
  overdue: boolean;
  registeredBy?: string;
  production?: ProductionBaseline;
  lineage?: Lineage | null;
  lastDecision?: DecisionView;
}

/** An inbox item for a signed-in user: what they may do on it, with the reason when not. */
export interface DecidableInboxItem extends InboxItem {
  allowedActions: AllowedActions;
}

export interface InboxPage<Item extends InboxItem = DecidableInboxItem> {
  items: Item[];
  cursor?: string;
  slaHours: number;
}

async function productionOf(group: string): Promise<ProductionBaseline | undefined> {
  const g = (await listModelGroups()).find((x) => x.name === group);
  if (!g) return undefined;
  const prod = (await stageEndpointsForGroup(g.arn)).Production;
  if (!prod?.servedArn) return undefined;
  const v = await describeModelVersion(prod.servedArn);
  if (v.group !== group) return undefined; // the solution's endpoint serves a sibling group
  return { version: v.version, endpoint: prod.name, metrics: (await withEvidence(v)).metrics };
}

export interface InboxQuery {
  group?: string;
  cursor?: string;
  limit?: number;
  slaHours?: number;
  now?: number;
}

/** The approvals inbox for `user`: every item carries the actions the user may take (allowed-actions.ts). */
export async function getInbox(db: Db, user: PolicyUser, q: InboxQuery): Promise<InboxPage> {
  const page = await getWaitingVersions(db, q);
  return {
    ...page,
    items: page.items.map((item) => ({
      ...item,
      allowedActions: allowedActions({
        user,
        registrant: item.registeredBy,
        version: item.version,
        decisions: item.lastDecision ? [item.lastDecision] : [],
        stages: {},
      }),
    })),
  };
}

/** Every version waiting for a decision across groups, oldest first (one page). */
export async function getWaitingVersions(db: Db, q: InboxQuery): Promise<InboxPage<InboxItem>> {
  const slaHours = q.slaHours ?? (await organisationApprovalSla(db)) ?? DEFAULT_SLA_HOURS;
  const now = q.now ?? Date.now();
  const page = await listModelVersions({
    group: q.group,
    status: "PendingManualApproval",
    order: "Ascending",
    cursor: q.cursor,
    limit: q.limit ?? 20,
  });
  const last = await latestDecisions(
    db,
    page.items.map((v) => v.arn),
  );
  const baselines = new Map<string, Promise<ProductionBaseline | undefined>>();
  const items = await Promise.all(
    page.items.map(async (summary): Promise<InboxItem> => {
      const version = await withEvidence(await describeModelVersion(summary.arn));
      if (!baselines.has(version.group)) baselines.set(version.group, productionOf(version.group));
      const [registrant, production, lineage] = await Promise.all([
        findRegistrant(db, version),
        baselines.get(version.group),
        version.generatedBy ? versionLineage(version.generatedBy) : Promise.resolve(undefined),
      ]);
      const ageMs = Math.max(0, now - (version.createdAt ?? now));
      const decision = last.get(version.arn);
      return {
        version,
        ageMs,
        overdue: ageMs > slaHours * 3_600_000,
        registeredBy: registrant?.name,
        production,
        lineage,
        lastDecision: decision ? toDecisionView(decision) : undefined,
      };
    }),
  );
  return { items, cursor: page.cursor, slaHours };
}
