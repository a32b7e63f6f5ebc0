/**
 * Run counts and newest runs of the experiments a list shows, kept in sync with SageMaker (activity-state.ts):
 * each experiment's count is read once (one Search for its 10 newest runs; more only when all of them changed in
 * the last SYNC_MARGIN_MS), then, each time the list's TTL expires, one Search over every trial component changed
 * since the last sync updates every count at once (`syncActivity`, beside the list's own Search). So a list costs
 * one call more than its Search over experiments when its cache expired, whatever the number of rows or runs; a
 * row never seen before costs one call, once.
 * The state is kept `immutableTtlMs()` under a `synced:` key, like lib/sagemaker/synced-search.ts's sets.
 */
import { createHash } from "node:crypto";
import { SearchCommand, type SearchExpression } from "@aws-sdk/client-sagemaker";
import { accountKey, getReadCache, immutableTtlMs, sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { SYNC_MARGIN_MS } from "@/lib/sagemaker/synced-search";
import {
  applyChanges,
  entryOf,
  initialState,
  modifiedAt,
  withEntries,
  type Activity,
  type ActivityState,
  type ChangedRuns,
} from "./activity-state";

const STATE_KEY = "synced:experiments:activity";
const LABEL = "experiment runs";
/** Search pages one sync reads at most (100 runs each); more changed runs than that: every count read again */
const MAX_PAGES = 10;
/** runs the first read of an experiment asks for: its newest, and those changed in the window with it */
const ENTRY_PAGE = 10;
/** count reads in flight at once, so a long list does not burst SageMaker's Search quota */
const PARALLEL = 8;

const inExperiment = (name: string): SearchExpression => ({
  Filters: [{ Name: "Parents.ExperimentName", Operator: "Equals", Value: name }],
});

function searchRuns(expression: SearchExpression | undefined, maxResults: number, token?: string) {
  return getSageMakerClient().send(
    new SearchCommand({
      Resource: "ExperimentTrialComponent",
      SearchExpression: expression,
      SortBy: "LastModifiedTime",
      SortOrder: "Descending",
      MaxResults: maxResults,
      NextToken: token,
    }),
  );
}

/** Runs newest first until they predate `since`; `complete` false when that took more than MAX_PAGES. */
async function changedSince(expression: SearchExpression | undefined, since: number) {
  const out: ChangedRuns & { complete: boolean } = { total: undefined, runs: [], complete: false };
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES && !out.complete; i++) {
    const r = await searchRuns(expression, 100, token);
    if (i === 0 && r.TotalHits?.Relation === "EqualTo") out.total = r.TotalHits.Value;
    const runs = (r.Results ?? []).flatMap((x) => (x.TrialComponent ? [x.TrialComponent] : []));
    out.runs.push(...runs);
    token = r.NextToken;
    const last = runs.at(-1);
    out.complete = !token || !last || modifiedAt(last) < since;
  }
  return out;
}

/**
 * An experiment's count and newest run with its runs changed in the window: one Search (its 10 newest runs),
 * a few more only when all 10 changed in the window.
 */
async function readEntry(name: string) {
  const asOf = Date.now();
  const since = asOf - SYNC_MARGIN_MS;
  const first = await searchRuns(inExperiment(name), ENTRY_PAGE);
  const runs = (first.Results ?? []).flatMap((x) => (x.TrialComponent ? [x.TrialComponent] : []));
  const last = runs.at(-1);
  if (!first.NextToken || !last || modifiedAt(last) < since)
    return { entry: entryOf(asOf, first.TotalHits?.Value ?? runs.length, runs), complete: true };
  const recent = await changedSince(inExperiment(name), since);
  const complete = recent.complete && recent.total !== undefined;
  return { entry: entryOf(asOf, recent.total ?? first.TotalHits?.Value ?? 0, recent.runs), complete };
}

/** Entries of the named experiments, a few reads at a time. */
async function readEntries(names: string[]) {
  const out: { name: string; entry: ReturnType<typeof entryOf>; complete: boolean }[] = [];
  for (let i = 0; i < names.length; i += PARALLEL) {
    const batch = names.slice(i, i + PARALLEL);
    const read = await Promise.all(batch.map(readEntry));
    read.forEach((r, k) => out.push({ name: batch[k] ?? "", ...r }));
  }
  return out;
}

/**
 * Every trial component changed since the state's last sync, merged; the first read when there is none. More
 * changes than MAX_PAGES: the counts are dropped (read again), and what was read starts the new state.
 */
async function sync(base: ActivityState | undefined): Promise<ActivityState> {
  const syncedAt = Date.now();
  const changed = await changedSince(undefined, (base?.syncedAt ?? syncedAt) - SYNC_MARGIN_MS);
  return base && changed.complete ? applyChanges(base, syncedAt, changed) : initialState(syncedAt, changed);
}

/** The kept state (no call), or the first read when there is none. */
function keptState(onRead?: () => void) {
  return sagemakerRead(
    { key: STATE_KEY, operation: "Search", resource: LABEL, ttlMs: immutableTtlMs() },
    () => {
      onRead?.();
      return sync(undefined);
    },
  );
}

/** Keeps a newer state: it follows SageMaker by time, not by invalidation (the next sync sees any write). */
function keep(state: ActivityState) {
  const cache = getReadCache();
  cache.offer(accountKey(STATE_KEY), state, immutableTtlMs(), Date.now(), cache.currentGeneration);
}

/**
 * Brings the kept state up to date once per TTL: one Search over the trial components changed since the last
 * sync. The lists start it beside their own Search, so the two calls run in parallel.
 */
export async function syncActivity(): Promise<void> {
  if (immutableTtlMs() <= 0) return;
  await sagemakerRead(
    { key: "experiments:activity:sync", operation: "Search", resource: LABEL },
    async () => {
      let readNow = false;
      const base = await keptState(() => (readNow = true));
      if (!readNow) keep(await sync(base));
      return true;
    },
  );
}

/**
 * The run count and newest run of each named experiment, as of at most one TTL ago: no call beyond
 * `syncActivity`'s, except one per experiment the state has not seen yet.
 */
export async function experimentsActivity(names: string[]): Promise<Map<string, Activity>> {
  if (immutableTtlMs() <= 0) {
    // caching off: nothing could be kept to sync, so one read per experiment
    const read = await readEntries(names);
    return new Map(read.map(({ name, entry }) => [name, { total: entry.total, newest: entry.newest }]));
  }
  const digest = createHash("sha256").update(JSON.stringify(names)).digest("base64url");
  return sagemakerRead(
    { key: `experiments:activity:${digest}`, operation: "Search", resource: LABEL },
    async () => {
      await syncActivity();
      const synced = await keptState();
      const read = await readEntries(names.filter((n) => !synced.experiments.has(n)));
      const state = withEntries(
        synced,
        read.flatMap(({ name, entry, complete }) => (complete ? [[name, entry] as const] : [])),
      );
      if (state !== synced) keep(state);
      const fresh = new Map(read.map(({ name, entry }) => [name, entry]));
      return new Map(
        names.map((n): [string, Activity] => {
          const e = state.experiments.get(n) ?? fresh.get(n);
          return [n, { total: e?.total ?? 0, newest: e?.newest }];
        }),
      );
    },
  );
}
