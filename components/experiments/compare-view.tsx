"use client";

import { useQuery } from "@tanstack/react-query";
import { lazyComponent } from "@/components/ui/lazy";
import { useQueryStates } from "nuqs";
import { useDeferredValue, useMemo } from "react";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { compareRows, metricNames, numericParams } from "@/lib/experiments/compare";
import { compareRuns, compareSearchParams } from "@/lib/experiments/search-params";
import { compareProblem } from "@/lib/experiments/selection";
import { experimentQueries } from "@/lib/query-options/experiments";
import { CompareTable } from "./compare-table";

// recharts is only loaded in the browser, after the table is on screen
/** Below the table: loaded apart from the page (issue 18), still rendered by the server. */
const ParallelCoordinates = lazyComponent(() =>
  import("./parallel-coordinates").then((m) => m.ParallelCoordinates),
);
const MetricBars = lazyComponent(() => import("./compare-charts").then((m) => m.MetricBars), { ssr: false });
const MetricScatter = lazyComponent(() => import("./compare-charts").then((m) => m.MetricScatter), {
  ssr: false,
});

const selectCls =
  "rounded border border-slate-300 px-1 py-0.5 text-sm dark:border-slate-700 dark:bg-slate-900";

export function CompareView({ experiment }: { experiment: string }) {
  // push: Back returns to the previous view
  const [state, set] = useQueryStates(compareSearchParams, { history: "push" });
  const runs = useMemo(() => compareRuns(state.runs), [state.runs]);
  const diffOnly = state.diff === "1";
  const problem = compareProblem(runs.length);
  const { data, error, isPending, refetch } = useQuery({
    ...experimentQueries.compare(experiment, runs),
    enabled: problem === null,
  });
  // charts render at low priority so a 200-run compare never blocks typing or the table
  const deferred = useDeferredValue(data);
  const rows = useMemo(() => (data ? compareRows(data) : []), [data]);
  if (problem) {
    return (
      <EmptyState title={problem}>
        {runs.length > 2
          ? `${runs.length} runs are selected; go back to the experiment's table and clear some.`
          : "Select runs in the experiment's table, then choose Compare."}
      </EmptyState>
    );
  }
  if (isPending) return <LoadingBlock label="Loading runs to compare" />;
  if (error) return <ErrorState message={error.message} retry={() => void refetch()} />;
  const shown = diffOnly ? rows.filter((r) => r.differs) : rows;
  const metrics = metricNames(data);
  const params = numericParams(data);
  const metric = state.metric && metrics.includes(state.metric) ? state.metric : metrics[0];
  const param = state.x && params.includes(state.x) ? state.x : params[0];
  const missing = runs.length - data.length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <span>{data.length} runs</span>
        {missing > 0 ? (
          <span className="text-amber-700">{missing} of the requested runs no longer exist.</span>
        ) : null}
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={diffOnly}
            onChange={(e) => void set({ diff: e.target.checked ? "1" : null })}
          />
          Differences only
        </label>
        <span className="text-slate-600 dark:text-slate-400">
          {shown.length} of {rows.length} rows shown
        </span>
      </div>
      <CompareTable runs={data} rows={shown} experiment={experiment} />
      {deferred && metric ? (
        <>
          <section aria-label="Metrics per run" className="space-y-2">
            <h2 className="font-semibold">Metrics per run</h2>
            <div className="grid gap-3 md:grid-cols-2">
              {metrics.map((m) => (
                <MetricBars key={m} runs={deferred} metric={m} />
              ))}
            </div>
          </section>
          <section aria-label="Parameters against a metric" className="space-y-2">
            <h2 className="flex items-center gap-2 font-semibold">
              Parameters against
              <select
                aria-label="Metric"
                value={metric}
                onChange={(e) => void set({ metric: e.target.value || null })}
                className={selectCls}
              >
                {metrics.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            </h2>
            <ParallelCoordinates runs={deferred} params={params} metric={metric} />
          </section>
          {param ? (
            <section aria-label="Scatter" className="space-y-2">
              <h2 className="flex items-center gap-2 font-semibold">
                {metric} against
                <select
                  aria-label="Parameter"
                  value={param}
                  onChange={(e) => void set({ x: e.target.value || null })}
                  className={selectCls}
                >
                  {params.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
              </h2>
              <MetricScatter runs={deferred} metric={metric} param={param} />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
