/**
 * Model versions with every DescribeModelPackage field, read with Search over ModelPackage (100 full records a
 * call) instead of ListModelPackages plus one DescribeModelPackage per version.
 */
import { SearchCommand, type ModelPackage, type SearchExpression } from "@aws-sdk/client-sagemaker";
import { recordPrimer, sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { syncedSearch } from "@/lib/sagemaker/synced-search";
import { toModelVersionDetail } from "./mappers";
import type { ApprovalStatus, ModelVersionDetail } from "./types";

/** Records one Search call returns (the API's maximum). */
export const SEARCH_PAGE = 100;

/** The cache key of one version's DescribeModelPackage read (Search pages refresh it: recordPrimer). */
export const versionCacheKey = (arn: string): string => `models:version:${arn}`;

export const detailOf = (p: ModelPackage): ModelVersionDetail =>
  toModelVersionDetail({
    ...p,
    ModelPackageName: p.ModelPackageName,
    ModelPackageArn: p.ModelPackageArn,
    CreationTime: p.CreationTime,
    ModelPackageStatus: p.ModelPackageStatus,
    ModelPackageStatusDetails: p.ModelPackageStatusDetails,
    $metadata: {},
  });

export interface VersionSearch {
  group?: string;
  status?: ApprovalStatus;
  order?: "Ascending" | "Descending";
  /** Search's NextToken */
  token?: string;
}

/**
 * One Search page (≤ 100) of versioned packages, by creation time. The key depends only on the question, so
 * every caller asking it (the group page, the outside-change scan, the maturity collector) shares one read;
 * it starts with `models:`, so a registry write (UpdateModelPackage) drops it.
 */
export async function searchVersionPage(
  q: VersionSearch,
): Promise<{ items: ModelVersionDetail[]; token?: string; total?: number }> {
  const order = q.order ?? "Descending";
  const filters: NonNullable<SearchExpression["Filters"]> = [
    q.group
      ? { Name: "ModelPackageGroupName", Operator: "Equals", Value: q.group }
      : { Name: "ModelPackageGroupName", Operator: "Exists" }, // versioned packages only
  ];
  if (q.status) filters.push({ Name: "ModelApprovalStatus", Operator: "Equals", Value: q.status });
  return sagemakerRead(
    {
      key: `models:search:${q.group ?? "*"}:${q.status ?? "*"}:${order}:${q.token ?? ""}`,
      operation: "Search",
      resource: q.group ? `Model group "${q.group}"` : undefined,
    },
    async () => {
      const prime = recordPrimer();
      const r = await getSageMakerClient().send(
        new SearchCommand({
          Resource: "ModelPackage",
          SearchExpression: { Filters: filters },
          SortBy: "CreationTime",
          SortOrder: order,
          MaxResults: SEARCH_PAGE,
          NextToken: q.token,
        }),
      );
      const items = (r.Results ?? []).flatMap((x) => (x.ModelPackage ? [detailOf(x.ModelPackage)] : []));
      prime(items.map((v) => ({ key: versionCacheKey(v.arn), value: v })));
      // every version the question matches (not only this page's), when SageMaker counted them exactly
      const total = r.TotalHits?.Relation === "EqualTo" ? r.TotalHits.Value : undefined;
      return { items, token: r.NextToken, total };
    },
  );
}

/** A cursor into the Search pages: the page's NextToken and how many of its records were already shown. */
interface Cursor {
  t?: string;
  o: number;
}

function readCursor(cursor: string | undefined): Cursor {
  if (!cursor) return { o: 0 };
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor>;
    const o = typeof c.o === "number" && Number.isInteger(c.o) && c.o >= 0 ? c.o : 0;
    return { t: typeof c.t === "string" ? c.t : undefined, o };
  } catch {
    return { o: 0 };
  }
}

const writeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c), "utf8").toString("base64url");

/**
 * A page of `limit` versions (≤ 100) with details, cut from the shared 100-record Search pages: the first page
 * of a group's newest versions is the same read the outside-change scan makes, and the next pages of the
 * same Search page cost nothing. `cursor` is opaque (a Search NextToken and an offset).
 */
export async function searchModelVersions(
  q: Omit<VersionSearch, "token"> & { cursor?: string; limit?: number },
): Promise<{ items: ModelVersionDetail[]; cursor?: string }> {
  const limit = Math.min(Math.max(q.limit ?? 50, 1), SEARCH_PAGE);
  const at = readCursor(q.cursor);
  const page = await searchVersionPage({ group: q.group, status: q.status, order: q.order, token: at.t });
  const items = page.items.slice(at.o, at.o + limit);
  const next: Cursor | undefined =
    at.o + limit < page.items.length
      ? { t: at.t, o: at.o + limit }
      : page.token
        ? { t: page.token, o: 0 }
        : undefined;
  return { items, cursor: next ? writeCursor(next) : undefined };
}

/** Chunks names or ARNs into `In` values within Search's 1,024-character limit. */
function inChunks(values: string[]): string[][] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const a of values) {
    if (cur.length > 0 && len + a.length + 1 > 1024) {
      chunks.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += a.length + 1;
  }
  if (cur.length > 0) chunks.push(cur);
  return chunks;
}

/** Several versions by ARN, described, in one Search per ~12 ARNs (`ModelPackageArn In …`); unknown ones are left out. */
export async function describeModelVersions(arns: string[]): Promise<Map<string, ModelVersionDetail>> {
  const wanted = [...new Set(arns)].sort();
  const pages = await Promise.all(
    inChunks(wanted).map((chunk) =>
      sagemakerRead({ key: `models:by-arn:${chunk.join(",")}`, operation: "Search" }, async () => {
        const r = await getSageMakerClient().send(
          new SearchCommand({
            Resource: "ModelPackage",
            SearchExpression: {
              Filters: [{ Name: "ModelPackageArn", Operator: "In", Value: chunk.join(",") }],
            },
            MaxResults: SEARCH_PAGE,
          }),
        );
        return (r.Results ?? []).flatMap((x) => (x.ModelPackage ? [detailOf(x.ModelPackage)] : []));
      }),
    ),
  );
  return new Map(pages.flat().map((v) => [v.arn, v]));
}

/**
 * Every version of several groups, newest first: a set kept in sync with Search (`ModelPackageGroupName In …`,
 * synced-search.ts) — read in full once, then one call for what changed since, whatever the number of versions.
 */
export async function versionsOfGroups(groups: string[]): Promise<ModelVersionDetail[]> {
  const names = [...new Set(groups)].sort();
  const pages = await Promise.all(
    inChunks(names).map((chunk) =>
      syncedSearch<ModelVersionDetail>({
        key: `models:of-groups:${chunk.join(",")}`,
        resource: "ModelPackage",
        expression: { Filters: [{ Name: "ModelPackageGroupName", Operator: "In", Value: chunk.join(",") }] },
        map: (x) => {
          const p = x.ModelPackage;
          if (!p?.ModelPackageArn) return undefined;
          const at = p.LastModifiedTime ?? p.CreationTime;
          return { arn: p.ModelPackageArn, modifiedAt: at?.getTime() ?? 0, value: detailOf(p) };
        },
      }),
    ),
  );
  return pages.flat().sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0) || b.version - a.version);
}
