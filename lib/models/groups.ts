import type { Db } from "@/lib/db";
import { decisionsForGroup } from "@/lib/db/decisions";
import { startersOf } from "@/lib/db/run-actions";
import { listStageEndpointsEverywhere, stageEndpointsForGroup } from "@/lib/sagemaker/endpoints/reads";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";
import { searchModelVersions, versionsOfGroups } from "@/lib/sagemaker/registry/search-versions";
import type { ApprovalStatus, ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { toDecisionView, type DecisionView } from "@/lib/approvals/types";
import { outsideChangesOf, type OutsideChange } from "@/lib/approvals/outside-detect";
import { outsideForGroup } from "@/lib/approvals/outside";
import { servedContradictions, type VersionContradiction } from "@/lib/approvals/contradictions";
import type { WithEvidence } from "./metric-types";
import { withEvidence } from "./metrics";

export interface GroupOverview {
  name: string;
  description?: string;
  latestVersion?: number;
  latestAt?: number;
  counts: Record<ApprovalStatus, number>;
  staging?: number;
  production?: number;
  /** the configured accounts holding the Staging / Production endpoints */
  stagingAccount?: string;
  productionAccount?: string;
  lastDecision?: DecisionView;
  /** the served versions whose approval or stage contradicts their deployment (lib/approvals/contradictions.ts) */
  warnings?: VersionContradiction[];
}

export const GROUPS_PAGE_SIZE = 20;

const versionOf = (arn: string | undefined, group: string) =>
  arn && arn.includes(`/${group}/`) ? Number(arn.split("/").pop()) : undefined;

/** Model groups (filtered by name, paged) with counts by status, what Staging/Production serve, last decision. */
export async function listModelOverview(
  db: Db,
  q: { search?: string; page?: number },
): Promise<{ items: GroupOverview[]; page: number; total: number; pageSize: number }> {
  const page = q.page ?? 1;
  listStageEndpointsEverywhere().catch(() => undefined); // the shared read stageEndpointsForGroup makes, at once
  const all = (await listModelGroups())
    .filter((g) => !q.search || g.name.toLowerCase().includes(q.search.toLowerCase()))
    .sort((a, b) => a.name.localeCompare(b.name));
  const slice = all.slice((page - 1) * GROUPS_PAGE_SIZE, page * GROUPS_PAGE_SIZE);
  // the page's groups' versions: one synced set (a Search for what changed since the last read), not a listing
  // per group; the database reads and the stage endpoints go out alongside it, not after it
  const everyVersion = versionsOfGroups(slice.map((g) => g.name));
  everyVersion.catch(() => undefined); // awaited below (not at all for an empty page)
  // let that Search go out before the database reads start (PGlite runs its queries on this thread)
  await new Promise((resolve) => setImmediate(resolve));
  const items = await Promise.all(
    slice.map(async (g): Promise<GroupOverview> => {
      const [ofPage, stages, decisions] = await Promise.all([
        everyVersion,
        stageEndpointsForGroup(g.arn),
        decisionsForGroup(db, g.name),
      ]);
      // newest first, as versionsOfGroups orders them
      const versions = ofPage.filter((v) => v.group === g.name);
      const counts: Record<ApprovalStatus, number> = { PendingManualApproval: 0, Approved: 0, Rejected: 0 };
      for (const v of versions) counts[v.approvalStatus] += 1;
      const latest = versions[0];
      const last = decisions[0];
      return {
        name: g.name,
        description: g.description,
        latestVersion: latest?.version,
        latestAt: latest?.createdAt,
        counts,
        staging: versionOf(stages.Staging?.servedArn, g.name),
        production: versionOf(stages.Production?.servedArn, g.name),
        stagingAccount: stages.Staging?.account,
        productionAccount: stages.Production?.account,
        lastDecision: last ? toDecisionView(last) : undefined,
        warnings: servedContradictions(versions, {
          Staging: stages.Staging?.servedArn,
          Production: stages.Production?.servedArn,
        }),
      };
    }),
  );
  return { items, page, total: all.length, pageSize: GROUPS_PAGE_SIZE };
}

export interface GroupVersionsPage {
  group: string;
  /** `metrics` from every source (reports and metadata), so the table and the comparison show them all */
  items: (WithEvidence<ModelVersionDetail> & {
    live?: "Staging" | "Production";
    /** the account of the endpoint it is live on */
    liveAccount?: string;
    outside: OutsideChange[];
  })[];
  cursor?: string;
  /** Versions of the group (newest 100) that SageMaker shows as changed without a SageDeck decision. */
  outsideCount: number;
}

/**
 * One page of a group's versions (server-side: status filter, sort order, cursor) with details, each flagged
 * when SageMaker shows a status or stage no SageDeck decision produced.
 */
export async function listGroupVersions(
  db: Db,
  q: {
    group: string;
    status?: ApprovalStatus;
    order?: "Ascending" | "Descending";
    cursor?: string;
  },
): Promise<GroupVersionsPage> {
  // neither the versions nor the endpoints depend on the group list: all three reads go out at once
  // (the versions come cut from a shared 100-record Search page: the outside scan reads the same)
  const versions = searchModelVersions({
    group: q.group,
    status: q.status,
    order: q.order,
    cursor: q.cursor,
    limit: 25,
  });
  versions.catch(() => undefined); // awaited below
  listStageEndpointsEverywhere().catch(() => undefined); // the shared read stageEndpointsForGroup makes
  const g = (await listModelGroups()).find((x) => x.name === q.group);
  const [page, stages, decisions, flagged] = await Promise.all([
    versions,
    g ? stageEndpointsForGroup(g.arn) : Promise.resolve(undefined),
    decisionsForGroup(db, q.group),
    g ? outsideForGroup(db, g) : Promise.resolve([]),
  ]);
  const served = { Staging: stages?.Staging?.servedArn, Production: stages?.Production?.servedArn };
  // the per-account rule: a version served by an endpoint is SageDeck's only if a decision deployed into that account
  const servedIn = { Staging: stages?.Staging?.account, Production: stages?.Production?.account };
  const items = await Promise.all(
    page.items.map(async (v) => {
      const d = await withEvidence(v);
      const live =
        stages?.Production?.servedArn === v.arn
          ? ("Production" as const)
          : stages?.Staging?.servedArn === v.arn
            ? ("Staging" as const)
            : undefined;
      const liveAccount = live ? stages?.[live]?.account : undefined;
      return { ...d, live, liveAccount, outside: outsideChangesOf(d, decisions, served, servedIn) };
    }),
  );
  // a version from a run started in SageDeck was registered by the person who started it, not by the dashboard's
  // AWS identity that SageMaker records as CreatedBy (as the version page says)
  const starters = await startersOf(
    db,
    items.flatMap((v) => (v.generatedBy ? [v.generatedBy] : [])),
  );
  for (const v of items) {
    const starter = v.generatedBy ? starters.get(v.generatedBy) : undefined;
    if (starter) v.registeredBy = starter;
  }
  return { group: q.group, items, cursor: page.cursor, outsideCount: flagged.length };
}
