/**
 * A set of SageMaker records kept in sync with Search: read in full once (kept `immutableTtlMs()`), then, each
 * time the short-TTL view expires, only what changed since — one Search sorted by LastModifiedTime, newest first,
 * paged until the records are older than the last sync. That page's TotalHits (the whole set's size) finds
 * deletions: when it differs from the merged set, the set is read in full again. So a list whose answer needs
 * every version or execution of a few groups or pipelines costs one call when its cache expired, whatever their
 * number.
 */
import {
  SearchCommand,
  type ResourceType,
  type SearchExpression,
  type SearchRecord,
} from "@aws-sdk/client-sagemaker";
import { accountKey, getReadCache, immutableTtlMs, sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

/** Changes older than the last sync by up to this much are read again (clock skew, Search index lag). */
export const SYNC_MARGIN_MS = 5 * 60_000;
/** Search pages a full read takes at most (100 records each). */
const MAX_PAGES = 200;

export interface SyncedRecord<T> {
  arn: string;
  /** LastModifiedTime (else CreationTime), epoch ms */
  modifiedAt: number;
  value: T;
}

interface Snapshot<T> {
  records: Map<string, SyncedRecord<T>>;
  /** our clock when the read that produced it started */
  syncedAt: number;
}

export interface SyncedSearch<T> {
  /** the view's cache key (short TTL; start it with the resource kind, so writes drop it) */
  key: string;
  resource: ResourceType;
  /** the set: every record it matches */
  expression: SearchExpression;
  /** a Search record → its ARN, modification time and kept value (undefined: skipped) */
  map: (r: SearchRecord) => SyncedRecord<T> | undefined;
  /** the kept set's identity (default: the view's key); a moving time window belongs in the view's key only */
  setKey?: string;
  /** whether a kept record still belongs to the set (a moving time window drops the older ones) */
  keep?: (value: T) => boolean;
  /** what `resource` names in error messages */
  label?: string;
}

async function searchPage(
  q: Pick<SyncedSearch<unknown>, "resource" | "expression">,
  token: string | undefined,
) {
  return getSageMakerClient().send(
    new SearchCommand({
      Resource: q.resource,
      SearchExpression: q.expression,
      SortBy: "LastModifiedTime",
      SortOrder: "Descending",
      MaxResults: 100,
      NextToken: token,
    }),
  );
}

async function readAll<T>(q: SyncedSearch<T>): Promise<Snapshot<T>> {
  const syncedAt = Date.now();
  const records = new Map<string, SyncedRecord<T>>();
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const r = await searchPage(q, token);
    for (const x of r.Results ?? []) {
      const m = q.map(x);
      if (m && !records.has(m.arn)) records.set(m.arn, m);
    }
    token = r.NextToken;
    if (!token) break;
  }
  return { records, syncedAt };
}

/** What changed since `base` was read, merged into a copy of it; a full read when the sizes disagree. */
async function resync<T>(q: SyncedSearch<T>, base: Snapshot<T>): Promise<Snapshot<T>> {
  const syncedAt = Date.now();
  const since = base.syncedAt - SYNC_MARGIN_MS;
  const keep = q.keep;
  const records = new Map(keep ? [...base.records].filter(([, r]) => keep(r.value)) : base.records);
  let total: number | undefined;
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const r = await searchPage(q, token);
    if (i === 0 && r.TotalHits?.Relation === "EqualTo") total = r.TotalHits.Value;
    let older = false;
    for (const x of r.Results ?? []) {
      const m = q.map(x);
      if (!m) continue;
      if (m.modifiedAt < since) older = true;
      else if (!keep || keep(m.value)) records.set(m.arn, m);
    }
    token = r.NextToken;
    if (!token || older) break;
  }
  if (total !== undefined && total !== records.size) return readAll(q);
  return { records, syncedAt };
}

/**
 * Every record of the set, as of at most one TTL ago: ≤ 1 Search call when the view expired and the set was
 * read before (within `immutableTtlMs()`), a full read otherwise.
 */
export async function syncedSearch<T>(q: SyncedSearch<T>): Promise<T[]> {
  const snapshotKey = `synced:${q.setKey ?? q.key}`;
  return sagemakerRead({ key: q.key, operation: "Search", resource: q.label }, async () => {
    let readNow = false;
    const cache = getReadCache();
    const generation = cache.currentGeneration;
    const base = await sagemakerRead(
      { key: snapshotKey, operation: "Search", resource: q.label, ttlMs: immutableTtlMs() },
      async () => {
        readNow = true;
        return readAll(q);
      },
    );
    let snapshot = base;
    if (!readNow) {
      snapshot = await resync(q, base);
      cache.offer(accountKey(snapshotKey), snapshot, immutableTtlMs(), snapshot.syncedAt, generation);
    }
    return [...snapshot.records.values()].map((r) => r.value);
  });
}
