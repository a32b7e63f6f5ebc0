import type { Experiment } from "@aws-sdk/client-sagemaker";
import { offsetCursor, parseOffsetCursor, sortSummaries } from "@/lib/experiments/experiment-sorts";
import type { ExperimentListQuery } from "@/lib/experiments/list-input";
import type { ExperimentPage, ExperimentRow } from "@/lib/experiments/types";
import { ValidationError } from "@/lib/errors";
import { toExperimentRow } from "./mappers";
import { experimentsActivity, syncActivity } from "./activity";
import { nameFilter, search } from "./search";

/**
 * The most experiments a sort by runs or last activity reads (Search cannot sort by either, so every matching
 * experiment's summary is read: ⌈n/100⌉ Search pages, and the run counts from activity.ts — one more call when
 * the cache expired, one per experiment the first time).
 */
export const MAX_SUMMARY_SORT = 500;

const LABEL = { runs: "runs", activity: "last activity" } as const;

async function allExperiments(q: string | undefined, sort: "runs" | "activity"): Promise<Experiment[]> {
  const found: Experiment[] = [];
  let token: string | undefined;
  do {
    const r = await search("all", {
      Resource: "Experiment",
      SearchExpression: nameFilter(q),
      SortBy: "ExperimentName",
      SortOrder: "Ascending",
      MaxResults: 100,
      NextToken: token,
    });
    for (const x of r.Results ?? []) if (x.Experiment) found.push(x.Experiment);
    token = r.NextToken;
    if (found.length > MAX_SUMMARY_SORT)
      throw new ValidationError(
        `Sorting by ${LABEL[sort]} reads every experiment, and more than ${MAX_SUMMARY_SORT} match. ` +
          "Search by name to narrow the list, or sort by name or created.",
      );
  } while (token);
  return found;
}

async function summaries(experiments: Experiment[]): Promise<ExperimentRow[]> {
  const activity = await experimentsActivity(experiments.map((e) => e.ExperimentName ?? ""));
  return experiments.map((e) => toExperimentRow(e, activity.get(e.ExperimentName ?? "") ?? { total: 0 }));
}

/** A page of experiments sorted by run count or last activity: all summaries read, sorted here, then paged. */
export async function listExperimentsBySummary(
  q: ExperimentListQuery,
  sort: "runs" | "activity",
): Promise<ExperimentPage> {
  const offset = parseOffsetCursor(q.after);
  if (offset === undefined)
    throw new ValidationError(
      `Page: "${q.after}" is not a page of the list sorted by ${LABEL[sort]}; go back to the first page.`,
    );
  const [experiments] = await Promise.all([allExperiments(q.q, sort), syncActivity()]);
  const rows = sortSummaries(await summaries(experiments), sort, q.dir ?? "desc");
  const size = Number(q.size ?? 25);
  const end = offset + size;
  return {
    items: rows.slice(offset, end),
    total: rows.length,
    nextToken: end < rows.length ? offsetCursor(end) : undefined,
  };
}
