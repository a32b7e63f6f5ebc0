/**
 * Changes made outside SageDeck (Studio, a pipeline, the CLI), read from what the pages already fetch: one
 * Search per group (100 newest versions with LastModifiedBy, ApprovalDescription, ModelLifeCycle), the stage
 * endpoints, and SageDeck's decisions. A served version older than the Search page costs one describe (≤ 2 a group).
 */
import type { Db } from "@/lib/db";
import { decisionsForGroup } from "@/lib/db/decisions";
import { stageEndpointsForGroup } from "@/lib/sagemaker/endpoints/reads";
import { searchGroupVersions, VERSIONS_PER_GROUP } from "@/lib/sagemaker/registry/group-versions";
import { describeModelVersion, listModelGroups } from "@/lib/sagemaker/registry/reads";
import type { ModelGroup, ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { detectOutside, latestAt, type OutsideFlag, type ServedByStage } from "./outside-detect";

export type { OutsideChange, OutsideFlag } from "./outside-detect";

export const OUTSIDE_PAGE_SIZE = 20;

export interface OutsidePage {
  items: OutsideFlag[];
  page: number;
  total: number;
  pageSize: number;
  /** How far the scan reached: the newest `versionsPerGroup` versions of each of `groups` groups. */
  scanned: { groups: number; versionsPerGroup: number };
}

/** Every version of one group that SageMaker shows as changed without a SageDeck decision, newest first. */
export async function outsideForGroup(db: Db, g: ModelGroup): Promise<OutsideFlag[]> {
  const [versions, stages, decisions] = await Promise.all([
    searchGroupVersions(g.name),
    stageEndpointsForGroup(g.arn),
    decisionsForGroup(db, g.name),
  ]);
  const served: ServedByStage = {
    Staging: stages.Staging?.servedArn,
    Production: stages.Production?.servedArn,
  };
  const known = new Set(versions.map((v) => v.arn));
  const extra: ModelVersionDetail[] = await Promise.all(
    Object.values(served)
      .filter((a): a is string => !!a && !known.has(a) && a.includes(`/${g.name}/`))
      .map((a) => describeModelVersion(a)),
  );
  const servedIn = { Staging: stages.Staging?.account, Production: stages.Production?.account };
  return detectOutside([...versions, ...extra], decisions, () => served, servedIn).sort(
    (a, b) => latestAt(b) - latestAt(a),
  );
}

/** Needs an approver's attention: approved or staged outside SageDeck (a rejection alone puts nothing live). */
export const needsAttention = (f: OutsideFlag) =>
  f.changes.some((c) => c.kind === "stage" || c.to === "Approved");

/**
 * One page of outside changes across groups (or of one group), newest first; `attention` keeps only those that
 * need attention (the inbox), without it every change is listed (the audit).
 */
export async function listOutside(
  db: Db,
  q: { group?: string; page?: number; attention?: boolean },
): Promise<OutsidePage> {
  const page = q.page ?? 1;
  const groups = (await listModelGroups()).filter((g) => !q.group || g.name === q.group);
  const all = (await Promise.all(groups.map((g) => outsideForGroup(db, g))))
    .flat()
    .filter((f) => !q.attention || needsAttention(f))
    .sort((a, b) => latestAt(b) - latestAt(a) || a.arn.localeCompare(b.arn));
  return {
    items: all.slice((page - 1) * OUTSIDE_PAGE_SIZE, page * OUTSIDE_PAGE_SIZE),
    page,
    total: all.length,
    pageSize: OUTSIDE_PAGE_SIZE,
    scanned: { groups: groups.length, versionsPerGroup: VERSIONS_PER_GROUP },
  };
}
