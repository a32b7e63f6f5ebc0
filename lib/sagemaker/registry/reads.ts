import {
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  SearchCommand,
  type ModelPackageGroup,
} from "@aws-sdk/client-sagemaker";
import { NotFoundError } from "@/lib/errors";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { toModelGroup, toModelVersion, toModelVersionDetail } from "./mappers";
import type { ApprovalStatus, ModelGroup, ModelVersion, ModelVersionDetail, Page } from "./types";
import { versionCacheKey } from "./search-versions";

/**
 * Every model package group with its tags (all pages; cached): Search over ModelPackageGroup returns the tags
 * with each group, so matching a group to its endpoints needs no ListTags per group.
 */
export async function listModelGroups(fresh = false): Promise<ModelGroup[]> {
  const opts = {
    key: "models:groups:all",
    operation: "Search",
    ...(fresh ? { ttlMs: 0 } : {}),
  };
  return sagemakerRead(opts, async () => {
    const out: ModelPackageGroup[] = [];
    let token: string | undefined;
    for (let i = 0; i < 50; i++) {
      const r = await getSageMakerClient().send(
        new SearchCommand({
          Resource: "ModelPackageGroup",
          SortBy: "CreationTime",
          SortOrder: "Ascending",
          MaxResults: 100,
          NextToken: token,
        }),
      );
      out.push(...(r.Results ?? []).flatMap((x) => (x.ModelPackageGroup ? [x.ModelPackageGroup] : [])));
      token = r.NextToken;
      if (!token) break;
    }
    return out.map(toModelGroup);
  });
}

export interface VersionQuery {
  group?: string;
  status?: ApprovalStatus;
  order?: "Ascending" | "Descending";
  cursor?: string;
  limit?: number;
}

/** One page of versions (of a group, or of all groups), newest first unless asked otherwise. */
export async function listModelVersions(q: VersionQuery): Promise<Page<ModelVersion>> {
  const key = `models:versions:${q.group ?? "*"}:${q.status ?? "*"}:${q.order ?? "Descending"}:${q.limit ?? 50}:${q.cursor ?? ""}`;
  return sagemakerRead(
    { key, operation: "ListModelPackages", resource: q.group ? `Model group "${q.group}"` : undefined },
    async () => {
      const r = await getSageMakerClient().send(
        new ListModelPackagesCommand({
          ModelPackageGroupName: q.group,
          ModelApprovalStatus: q.status,
          ModelPackageType: "Versioned",
          SortBy: "CreationTime",
          SortOrder: q.order ?? "Descending",
          MaxResults: q.limit ?? 50,
          NextToken: q.cursor,
        }),
      );
      return { items: (r.ModelPackageSummaryList ?? []).map(toModelVersion), cursor: r.NextToken };
    },
  );
}

/** Every version of a group (all pages), newest first. */
export async function listAllGroupVersions(group: string, status?: ApprovalStatus): Promise<ModelVersion[]> {
  const out: ModelVersion[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 40; i++) {
    const page = await listModelVersions({ group, status, limit: 100, cursor });
    out.push(...page.items);
    cursor = page.cursor;
    if (!cursor) break;
  }
  return out;
}

/** The ARN of `group`'s version `version`, as SageMaker builds it from the group ARN. */
export function versionArn(groupArn: string, version: number): string {
  return `${groupArn.replace(":model-package-group/", ":model-package/")}/${version}`;
}

/** One version. `fresh` bypasses the read cache (decisions check the status they change). */
export async function describeModelVersion(arn: string, fresh = false): Promise<ModelVersionDetail> {
  return sagemakerRead(
    {
      // a fresh read uses its own key with no TTL: coalesced with concurrent fresh reads, never stored
      key: fresh ? `models:version-fresh:${arn}` : versionCacheKey(arn),
      operation: "DescribeModelPackage",
      resource: `Model version ${arn}`,
      ...(fresh ? { ttlMs: 0 } : {}),
    },
    async () =>
      toModelVersionDetail(
        await getSageMakerClient().send(new DescribeModelPackageCommand({ ModelPackageName: arn })),
      ),
  );
}

/** `group/version` → the version, looked up through its group (404 when either is unknown). */
export async function findModelVersion(
  group: string,
  version: number,
  fresh = false,
): Promise<ModelVersionDetail> {
  // a group created since the list was cached is looked up again before it counts as unknown; its ARN (and so
  // the version's account) always comes from SageMaker, never from a guess
  const g =
    (await listModelGroups(fresh)).find((x) => x.name === group) ??
    (fresh ? undefined : (await listModelGroups(true)).find((x) => x.name === group));
  if (!g) throw new NotFoundError(`Model group "${group}" was not found in SageMaker.`);
  return describeModelVersion(versionArn(g.arn, version), fresh);
}
