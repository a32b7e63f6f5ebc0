"use client";

import { useQuery } from "@tanstack/react-query";
import type { Kpi } from "@/lib/maturity/kpis";
import { maturityHistoryQueries } from "@/lib/query-options/maturity-history";
import { KpiTiles } from "./kpi-tiles";
import { kpiTrends } from "./kpi-trend";

/** A solution's KPI tiles with the trend the organisation's tiles have: its own snapshot history (90 days). */
export function SolutionKpis({ solutionKey, kpis }: { solutionKey: string; kpis: Kpi[] }) {
  // the same query as the solution's history chart: one request serves both
  const history = useQuery(maturityHistoryQueries.history(solutionKey, 90));
  return (
    <>
      <KpiTiles kpis={kpis} trends={history.data ? kpiTrends(history.data.points) : undefined} />
      {history.error ? (
        <p className="text-xs text-amber-700" role="status">
          KPI trends could not be loaded: {history.error.message}
        </p>
      ) : null}
    </>
  );
}
