"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { parseAsStringLiteral, useQueryStates } from "nuqs";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { PHASES } from "@/lib/maturity/types";
import { maturityQueries } from "@/lib/query-options/maturity";
import { maturityHistoryQueries } from "@/lib/query-options/maturity-history";
import { maturityRoutes } from "@/lib/routes";
import { AsOf } from "./as-of";
import { HeatMap } from "./heat-map";
import { KpiTiles } from "./kpi-tiles";
import { kpiTrends } from "./kpi-trend";

export const overviewParams = {
  phase: parseAsStringLiteral(["Initial", "Repeatable", "Reliable", "Scalable", "none"] as const),
  sort: parseAsStringLiteral(["name", "phase", "score"] as const),
};

export function OrgView() {
  const [q, setQ] = useQueryStates(overviewParams, { history: "push" });
  const query = { phase: q.phase ?? undefined, sort: q.sort ?? undefined };
  const { data, error, isPending, refetch } = useQuery(maturityQueries.overview(query));
  const history = useQuery(maturityHistoryQueries.history("*", 90));
  if (isPending) return <LoadingBlock label="Assessing solutions" />;
  if (error)
    return (
      <ErrorState message={`The maturity assessment could not be loaded: ${error.message}`} retry={refetch} />
    );
  return (
    <div className="space-y-8">
      <AsOf
        generatedAt={data.generatedAt}
        refreshMinutes={data.refreshMinutes}
        collectionFailure={data.collectionFailure}
      />
      <section aria-labelledby="kpi-title" className="space-y-3">
        <h2 id="kpi-title" className="text-lg font-semibold">
          Organisation KPIs (90 days)
        </h2>
        <KpiTiles kpis={data.kpis} trends={history.data ? kpiTrends(history.data.points) : undefined} />
        {history.error ? (
          <p className="text-xs text-amber-700" role="status">
            KPI trends could not be loaded: {history.error.message}
          </p>
        ) : history.data?.points.length === 0 ? (
          <p className="text-xs text-slate-500">
            No snapshots yet: trends appear once the scheduler has stored some (hourly by default).
          </p>
        ) : null}
      </section>
      <section aria-labelledby="phase-title" className="space-y-3">
        <div className="flex flex-wrap items-end gap-4">
          <h2 id="phase-title" className="text-lg font-semibold">
            Solutions by phase
          </h2>
          <label className="text-sm">
            Phase{" "}
            <select
              className="rounded border px-2 py-1"
              aria-label="Filter by phase"
              value={q.phase ?? ""}
              onChange={(e) => void setQ({ phase: (e.target.value || null) as typeof q.phase })}
            >
              <option value="">All</option>
              {PHASES.map((p) => (
                <option key={p}>{p}</option>
              ))}
              <option value="none">Not yet Initial</option>
            </select>
          </label>
          <label className="text-sm">
            Sort{" "}
            <select
              className="rounded border px-2 py-1"
              aria-label="Sort solutions"
              value={q.sort ?? "name"}
              onChange={(e) =>
                void setQ({ sort: e.target.value === "name" ? null : (e.target.value as typeof q.sort) })
              }
            >
              <option value="name">Name</option>
              <option value="phase">Phase</option>
              <option value="score">Score</option>
            </select>
          </label>
        </div>
        {data.solutions.length === 0 ? (
          <EmptyState title="No solution matches">
            No ML solution is at this phase. Choose another phase, or tag model groups, pipelines and
            endpoints with a team or SageMaker Project so they are grouped into solutions.
          </EmptyState>
        ) : (
          <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
            {[...[...PHASES].reverse(), ...(data.solutions.some((s) => s.phase === null) ? [null] : [])].map(
              (phase) => {
                const here = data.solutions.filter((s) => s.phase === phase);
                return (
                  <div
                    key={phase ?? "none"}
                    className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
                  >
                    <h3 className="font-medium">{phase ?? "Not yet Initial"}</h3>
                    <ul
                      className="mt-2 space-y-1 text-sm"
                      aria-label={`${phase ?? "Not yet Initial"} solutions`}
                    >
                      {here.length === 0 ? <li className="text-slate-500">none</li> : null}
                      {here.map((s) => (
                        <li key={s.key}>
                          <Link
                            href={maturityRoutes.solution(s.key)}
                            className="text-sky-700 hover:underline"
                          >
                            {s.name}
                          </Link>{" "}
                          <span className="text-slate-500">
                            {s.next ? `${s.progress}% to ${s.next}` : "top phase"} · score {s.score}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              },
            )}
          </div>
        )}
      </section>
      {data.solutions.length > 0 ? (
        <section aria-labelledby="heat-title" className="space-y-3">
          <h2 id="heat-title" className="text-lg font-semibold">
            Checks per solution
          </h2>
          <HeatMap solutions={data.solutions} checks={data.checkInfo} />
        </section>
      ) : null}
    </div>
  );
}
