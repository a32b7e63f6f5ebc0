/**
 * The experiments list's run counts and newest runs, kept in sync with SageMaker without reading every run
 * (activity.ts does the calls; this file only merges what they return).
 *
 * An experiment's count is read once (TotalHits of a Search over its runs) together with the runs it changed in
 * the last SYNC_MARGIN_MS (`recent`). Afterwards one Search over every trial component changed since the last
 * sync updates all of them: a changed run that is not in `recent` and was created inside the window is new (+1);
 * one created before it was already counted; any changed run may be the newest. The same rule over all trial
 * components, checked against that Search's TotalHits, finds deletions: when the numbers disagree, every count
 * is read again.
 */
import type { TrialComponent } from "@aws-sdk/client-sagemaker";
import { SYNC_MARGIN_MS } from "@/lib/sagemaker/synced-search";

/** What the list shows of an experiment's runs: how many, and the newest (last modified). */
export interface Activity {
  total: number;
  newest?: TrialComponent;
}

export interface Entry extends Activity {
  /** our clock when the read behind it started */
  asOf: number;
  /** ARNs of its runs modified since `asOf` − SYNC_MARGIN_MS, as SageMaker listed them then */
  recent: ReadonlySet<string>;
}

export interface ActivityState {
  /** our clock when the last Search over all trial components started */
  syncedAt: number;
  /** that Search's TotalHits (undefined when SageMaker gave only a lower bound: deletions go unnoticed) */
  total: number | undefined;
  /** every trial component modified since `syncedAt` − SYNC_MARGIN_MS */
  recent: ReadonlySet<string>;
  experiments: ReadonlyMap<string, Entry>;
}

/** One Search's answer: its TotalHits when exact, and its records newest first, down to the window's start. */
export interface ChangedRuns {
  total: number | undefined;
  runs: TrialComponent[];
}

const arnOf = (tc: TrialComponent) => tc.TrialComponentArn ?? tc.TrialComponentName ?? "";
export const modifiedAt = (tc: TrialComponent) => (tc.LastModifiedTime ?? tc.CreationTime)?.getTime() ?? 0;
const createdAt = (tc: TrialComponent) => tc.CreationTime?.getTime() ?? modifiedAt(tc);
const experimentsOf = (tc: TrialComponent) =>
  new Set((tc.Parents ?? []).flatMap((p) => (p.ExperimentName ? [p.ExperimentName] : [])));

/** The newer of two runs as Search sorts them (LastModifiedTime, then ARN, descending); a run's update wins. */
function newer(a: TrialComponent | undefined, b: TrialComponent): TrialComponent {
  if (!a || arnOf(a) === arnOf(b)) return b;
  const d = modifiedAt(b) - modifiedAt(a);
  return d > 0 || (d === 0 && arnOf(b) > arnOf(a)) ? b : a;
}

const recentSince = (runs: TrialComponent[], from: number) =>
  new Set(runs.filter((tc) => modifiedAt(tc) >= from).map(arnOf));

/** The state after the first Search over all trial components (started at `syncedAt`). */
export function initialState(syncedAt: number, changed: ChangedRuns): ActivityState {
  return {
    syncedAt,
    total: changed.total,
    recent: recentSince(changed.runs, syncedAt - SYNC_MARGIN_MS),
    experiments: new Map(),
  };
}

/** An experiment's entry from a Search over its runs (started at `asOf`), newest first. */
export function entryOf(asOf: number, total: number, runs: TrialComponent[]): Entry {
  return { asOf, total, newest: runs[0], recent: recentSince(runs, asOf - SYNC_MARGIN_MS) };
}

export function withEntries(state: ActivityState, entries: (readonly [string, Entry])[]): ActivityState {
  return entries.length ? { ...state, experiments: new Map([...state.experiments, ...entries]) } : state;
}

/** Whether a changed run is one the count read at `asOf` (with its `recent` runs) did not include. */
const isNew = (tc: TrialComponent, asOf: number, recent: ReadonlySet<string>) =>
  !recent.has(arnOf(tc)) && createdAt(tc) >= asOf - SYNC_MARGIN_MS;

/**
 * Merges a Search over every trial component changed since `state.syncedAt` − SYNC_MARGIN_MS (started at
 * `syncedAt`). When its TotalHits is not the count so far plus the new runs (runs were deleted), the counts are
 * dropped: the caller reads them again.
 */
export function applyChanges(state: ActivityState, syncedAt: number, changed: ChangedRuns): ActivityState {
  const seen = new Map<string, TrialComponent>();
  for (const tc of changed.runs)
    if (modifiedAt(tc) >= state.syncedAt - SYNC_MARGIN_MS && !seen.has(arnOf(tc))) seen.set(arnOf(tc), tc);
  const runs = [...seen.values()];
  const added = runs.filter((tc) => isNew(tc, state.syncedAt, state.recent)).length;
  const next = initialState(syncedAt, { total: changed.total, runs });
  if (changed.total !== undefined && state.total !== undefined && changed.total !== state.total + added)
    return next;

  const byExperiment = new Map<string, TrialComponent[]>();
  for (const tc of runs)
    for (const name of experimentsOf(tc)) byExperiment.set(name, [...(byExperiment.get(name) ?? []), tc]);
  const experiments = new Map<string, Entry>();
  for (const [name, e] of state.experiments) {
    const mine = (byExperiment.get(name) ?? []).filter((tc) => modifiedAt(tc) >= e.asOf - SYNC_MARGIN_MS);
    let newest = e.newest;
    for (const tc of mine) newest = newer(newest, tc);
    experiments.set(name, {
      asOf: syncedAt,
      total: e.total + mine.filter((tc) => isNew(tc, e.asOf, e.recent)).length,
      newest,
      recent: recentSince(mine, syncedAt - SYNC_MARGIN_MS),
    });
  }
  return { ...next, experiments };
}
