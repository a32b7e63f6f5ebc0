/**
 * The experiments list's sorts. Its own module without zod: the client view imports it (issue 18).
 *
 * `name` and `created` are sorted by SageMaker Search (its NextToken pages them). `runs` and `activity` are not
 * fields of an Experiment, so Search cannot sort by them: the server reads every matching experiment's summary,
 * sorts the rows itself and pages them with an offset cursor (`o:<rows before this page>`).
 */
import type { ExperimentRow } from "./types";

export const EXPERIMENT_SORTS = ["name", "created", "runs", "activity"] as const;
export type ExperimentSort = (typeof EXPERIMENT_SORTS)[number];

/** The sorts SageDeck does itself, over all the experiments' summaries. */
export const isSummarySort = (sort: ExperimentSort): sort is "runs" | "activity" =>
  sort === "runs" || sort === "activity";

const value = (row: ExperimentRow, sort: "runs" | "activity"): number =>
  sort === "runs" ? row.runs : (row.lastActivityAt ?? Number.NEGATIVE_INFINITY);

/** Rows by run count or last activity (ties by name, A→Z in either direction, so pages never overlap). */
export function sortSummaries(
  rows: ExperimentRow[],
  sort: "runs" | "activity",
  dir: "asc" | "desc",
): ExperimentRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const d = value(a, sort) - value(b, sort);
    return d !== 0 && !Number.isNaN(d) ? sign * d : a.name.localeCompare(b.name);
  });
}

/** `o:<n>` → n; undefined for anything else (a Search NextToken, garbage). */
export function parseOffsetCursor(after: string | undefined): number | undefined {
  if (after === undefined) return 0;
  const m = /^o:(\d{1,6})$/.exec(after);
  return m ? Number(m[1]) : undefined;
}

export const offsetCursor = (n: number) => `o:${n}`;
