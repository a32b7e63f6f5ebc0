import type { Db } from "@/lib/db";
import { latestDecisions } from "@/lib/db/decisions";
import { organisationApprovalSla } from "@/lib/db/maturity-targets";
import { listStageEndpointsEverywhere } from "@/lib/sagemaker/endpoints/reads";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { describeModelVersions, searchModelVersions } from "@/lib/sagemaker/registry/search-versions";
import { versionLineage, type Lineage } from "@/lib/sagemaker/registry/lineage";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import type { WithEvidence } from "@/lib/models/metric-types";
import { withEvidence } from "@/lib/models/metrics";
import type { AllowedActions } from "./allowed";
import { allowedActions, type PolicyUser } from "./allowed-actions";
import { findRegistrants } from "./policy";
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

/**
 * What Production serves for each group, with its metrics, in two reads shared with every page: the stage
 * endpoints (one Search per account; what each serves resolved once per endpoint config) and one Search
 * describing every served version (`ModelPackageArn In …`) — no ListTags, no describe per group. A group's
 * Production is the Production endpoint serving one of its versions (the solution's endpoint serving a
 * sibling group's version is no baseline for this group).
 */
async function productionOf(
  groups: string[],
  stageEndpoints: ReturnType<typeof listStageEndpointsEverywhere>,
): Promise<Map<string, ProductionBaseline>> {
  const wanted = new Map(groups.map((g) => [g.toLowerCase(), g])); // ARNs spell names in lower case
  const { endpoints } = await stageEndpoints;
  const served = new Map<string, { endpoint: string; arn: string }>();
  for (const e of endpoints) {
    const group = e.servedArn ? wanted.get(groupOfArn(e.servedArn) ?? "") : undefined;
    if (e.stage !== "Production" || !e.servedArn || !group || served.has(group)) continue;
    served.set(group, { endpoint: e.name, arn: e.servedArn });
  }
  const found = await describeModelVersions([...served.values()].map((s) => s.arn));
  const out = new Map<string, ProductionBaseline>();
  await Promise.all(
    [...served].map(async ([group, s]) => {
      // an ARN Search does not match as written (e.g. name/version) is described on its own
      const v = found.get(s.arn) ?? (await describeModelVersion(s.arn));
      if (v.group !== group) return;
      out.set(group, { version: v.version, endpoint: s.endpoint, metrics: (await withEvidence(v)).metrics });
    }),
  );
  return out;
}

/** `…:model-package/<group>/<version>` → the group's name as the ARN spells it. */
function groupOfArn(arn: string): string | undefined {
  const m = /:model-package\/([^/]+)\/\d+$/.exec(arn);
  return m?.[1]?.toLowerCase();
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

/**
 * Every version waiting for a decision across groups, oldest first (one page). Two rounds of SageMaker calls,
 * each started as soon as its inputs are known: the page's Search alongside the stage endpoints; then, once
 * the page is in, the Production baselines' Search alongside everything per item (reports, lineage) and the
 * database reads (decisions, registrants, the SLA) — none of them waits for the baselines.
 */
export async function getWaitingVersions(db: Db, q: InboxQuery): Promise<InboxPage<InboxItem>> {
  const now = q.now ?? Date.now();
  // the stage endpoints do not depend on the page: read them alongside it (one round of calls, not two)
  const stageEndpoints = listStageEndpointsEverywhere();
  stageEndpoints.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  // one Search: the waiting versions with every field the inbox shows (no describe per version)
  const page = await searchModelVersions({
    group: q.group,
    status: "PendingManualApproval",
    order: "Ascending",
    cursor: q.cursor,
    limit: q.limit ?? 20,
  });
  // the second round, all at once: the baselines' Search and each item's reports and lineage (read only when
  // not kept yet), none waiting for another
  const upstream = Promise.all([
    productionOf([...new Set(page.items.map((v) => v.group))], stageEndpoints),
    Promise.all(
      page.items.map((detail) =>
        Promise.all([
          withEvidence(detail),
          detail.generatedBy ? versionLineage(detail.generatedBy) : Promise.resolve(undefined),
        ]),
      ),
    ),
  ]);
  upstream.catch(() => undefined);
  // let those calls go out before the database reads start: PGlite runs its queries on this thread, and a
  // chain of them would hold the requests back until it ends
  await new Promise((resolve) => setImmediate(resolve));
  const arns = page.items.map((v) => v.arn);
  const [slaSetting, last, registrants, [production, evidence]] = await Promise.all([
    q.slaHours ?? organisationApprovalSla(db),
    latestDecisions(db, arns),
    findRegistrants(db, page.items),
    upstream,
  ]);
  const slaHours = slaSetting ?? DEFAULT_SLA_HOURS;
  const items = evidence.map(([version, lineage]): InboxItem => {
    const ageMs = Math.max(0, now - (version.createdAt ?? now));
    const decision = last.get(version.arn);
    return {
      version,
      ageMs,
      overdue: ageMs > slaHours * 3_600_000,
      registeredBy: registrants.get(version.arn)?.name,
      production: production.get(version.group),
      lineage,
      lastDecision: decision ? toDecisionView(decision) : undefined,
    };
  });
  return { items, cursor: page.cursor, slaHours };
}
