import type { SearchExpression } from "@aws-sdk/client-sagemaker";
import { isSummarySort } from "@/lib/experiments/experiment-sorts";
import { sortPath } from "@/lib/experiments/columns";
import { FilterSyntaxError, translateFilter } from "@/lib/experiments/filter";
import type { ExperimentListQuery, RunListQuery } from "@/lib/experiments/list-input";
import type { ExperimentPage, RunDetail, RunPage, RunRow } from "@/lib/experiments/types";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { toExperimentRow, toRunDetail, toRunRow } from "./mappers";
import { experimentsActivity, syncActivity } from "./activity";
import { nameFilter, search } from "./search";
import { listExperimentsBySummary } from "./summaries";

const order = (dir: "asc" | "desc" | undefined) => (dir === "asc" ? "Ascending" : "Descending");

/**
 * A page of experiments. By name or creation: Search over Experiment sorts and pages, and the rows' run counts
 * and newest runs come from activity.ts (one more call when the cache expired, beside that Search). By runs or
 * last activity: summaries.ts (every matching experiment, sorted here).
 */
export async function listExperiments(q: ExperimentListQuery): Promise<ExperimentPage> {
  const sort = q.sort ?? "created";
  if (isSummarySort(sort)) return listExperimentsBySummary(q, sort);
  const [r] = await Promise.all([
    search("list", {
      Resource: "Experiment",
      SearchExpression: nameFilter(q.q),
      SortBy: sort === "name" ? "ExperimentName" : "CreationTime",
      SortOrder: order(q.dir),
      MaxResults: Number(q.size ?? 25),
      NextToken: q.after,
    }),
    syncActivity(),
  ]);
  const experiments = (r.Results ?? []).flatMap((x) => (x.Experiment ? [x.Experiment] : []));
  const activity = await experimentsActivity(experiments.map((e) => e.ExperimentName ?? ""));
  return {
    items: experiments.map((e) => toExperimentRow(e, activity.get(e.ExperimentName ?? "") ?? { total: 0 })),
    total: r.TotalHits?.Value ?? experiments.length,
    nextToken: r.NextToken,
  };
}

/** Builds the runs SearchExpression: the experiment plus the user's filter (422 on a bad filter). */
export function runsExpression(experiment: string, filter: string | undefined): SearchExpression {
  try {
    const user = translateFilter(filter);
    return {
      Filters: [
        { Name: "Parents.ExperimentName", Operator: "Equals", Value: experiment },
        ...user.map((f) => ({ ...f, Operator: f.Operator as "Equals" })),
      ],
      Operator: "And",
    };
  } catch (err) {
    if (err instanceof FilterSyntaxError) throw new ValidationError(`Filter: ${err.message}`);
    throw err;
  }
}

function namesOf(rows: RunRow[]) {
  const p = new Set<string>();
  const m = new Set<string>();
  for (const r of rows) {
    Object.keys(r.params).forEach((k) => p.add(k));
    Object.keys(r.metrics).forEach((k) => m.add(k));
  }
  return { paramNames: [...p].sort(), metricNames: [...m].sort() };
}

/** One page of an experiment's runs: exactly one Search call (≤100 rows), sorted and filtered upstream. */
export async function searchRuns(experiment: string, q: RunListQuery): Promise<RunPage> {
  const sortBy = sortPath(q.sort ?? "start");
  if (!sortBy)
    throw new ValidationError(`Sort: "${q.sort}" is not a column that can be sorted; pick another column.`);
  const r = await search(
    "runs",
    {
      Resource: "ExperimentTrialComponent",
      SearchExpression: runsExpression(experiment, q.filter),
      SortBy: sortBy,
      SortOrder: order(q.dir),
      MaxResults: Number(q.size ?? 50),
      NextToken: q.after,
    },
    `Experiment "${experiment}"`,
  );
  const items = (r.Results ?? []).flatMap((x) => (x.TrialComponent ? [toRunRow(x.TrialComponent)] : []));
  return { items, total: r.TotalHits?.Value ?? items.length, nextToken: r.NextToken, ...namesOf(items) };
}

/** One run with everything the detail page shows (one Search call, includes tags and parents). */
export async function getRun(experiment: string, run: string): Promise<RunDetail> {
  const r = await search("run", {
    Resource: "ExperimentTrialComponent",
    SearchExpression: {
      Filters: [
        { Name: "Parents.ExperimentName", Operator: "Equals", Value: experiment },
        { Name: "TrialComponentName", Operator: "Equals", Value: run },
      ],
    },
    MaxResults: 1,
  });
  const tc = r.Results?.[0]?.TrialComponent;
  if (!tc)
    throw new NotFoundError(
      `Run "${run}" was not found in experiment "${experiment}"; it may have been deleted.`,
    );
  return toRunDetail(tc);
}

/** Chunks names into `In` filters whose value stays within Search's 1024-character limit. */
function inChunks(names: string[]): string[][] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const n of names) {
    if (cur.length > 0 && (len + n.length + 1 > 1000 || cur.length >= 100)) {
      chunks.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(n);
    len += n.length + 1;
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}

/** 2–200 runs for compare, in the order asked (a few Search calls, never one per run). */
export async function getRunsForCompare(experiment: string, runs: string[]): Promise<RunDetail[]> {
  const pages = await Promise.all(
    inChunks(runs).map((chunk) =>
      search("compare", {
        Resource: "ExperimentTrialComponent",
        SearchExpression: {
          Filters: [
            { Name: "Parents.ExperimentName", Operator: "Equals", Value: experiment },
            { Name: "TrialComponentName", Operator: "In", Value: chunk.join(",") },
          ],
        },
        MaxResults: 100,
      }),
    ),
  );
  const byName = new Map<string, RunDetail>();
  for (const p of pages)
    for (const x of p.Results ?? [])
      if (x.TrialComponent) {
        const d = toRunDetail(x.TrialComponent);
        byName.set(d.name, d);
      }
  return runs.flatMap((n) => {
    const d = byName.get(n);
    return d ? [d] : [];
  });
}
