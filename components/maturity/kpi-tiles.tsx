"use client";

import { lazyComponent } from "@/components/ui/lazy";
import type { Kpi } from "@/lib/maturity/kpis";
import { waitedFor } from "@/lib/overview/waited";
import { KpiTarget } from "./kpi-target";
import { LOWER_IS_BETTER, type KpiTrend } from "./kpi-trend";
import { formatKpi as show, unitNote } from "./kpi-units";

const KpiSparkline = lazyComponent(() => import("./kpi-sparkline").then((m) => m.KpiSparkline), {
  ssr: false,
  loading: () => <div className="h-8" />,
});

/** The second figure: the p90, except for the waiting queue, whose `p90` field carries the oldest wait in hours. */
function detail(k: Kpi): string | null {
  if (k.p90 === undefined || k.p90 === null) return null;
  if (k.id !== "approvalQueue") return `p90 ${show(k.p90, k.unit)}`;
  return `oldest ${waitedFor(k.p90 * 3_600_000)}`;
}

/** "▲ 2.5 h vs 30 days ago", green when the change is an improvement, amber when it is not. */
function Change({ kpi, trend }: { kpi: Kpi; trend: KpiTrend }) {
  if (trend.change === null || trend.since === null) return null;
  const days = Math.round(((trend.series.at(-1)?.at ?? trend.since) - trend.since) / 86_400_000);
  if (trend.change === 0) return <p className="text-xs text-slate-500">no change vs {days} days ago</p>;
  const better = LOWER_IS_BETTER.has(kpi.id) ? trend.change < 0 : trend.change > 0;
  return (
    <p
      className={`text-xs ${better ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}`}
      data-testid={`kpi-change-${kpi.id}`}
    >
      {trend.change > 0 ? "▲" : "▼"} {show(Math.abs(trend.change), kpi.unit)} vs {days} days ago
    </p>
  );
}

/**
 * KPI tiles: the value, its p90 where it has one, the sample size, "approx" and the definition with the unit the
 * tile shows (in view, and the value's description for a screen reader); with `trends` (the organisation's
 * snapshot history) a sparkline and the change vs ~30 days ago.
 */
export function KpiTiles({ kpis, trends }: { kpis: Kpi[]; trends?: Record<string, KpiTrend> }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Lifecycle KPIs">
      {kpis.map((k) => {
        const trend = trends?.[k.id];
        const help = `kpi-definition-${k.id}`;
        return (
          <li
            key={k.id}
            data-testid={`kpi-${k.id}`}
            className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
          >
            <p className="text-sm text-slate-600 dark:text-slate-400">{k.title}</p>
            <p className="text-2xl font-semibold" aria-describedby={help}>
              {show(k.value, k.unit)}
              {detail(k) ? (
                <span className="ml-2 text-sm font-normal text-slate-500">{detail(k)}</span>
              ) : null}
            </p>
            <p className="text-xs text-slate-500">
              n = {k.n}
              {k.approx ? " · approx" : ""}
            </p>
            {trend && trend.series.length > 1 ? (
              <div aria-label={`${k.title} over time`} role="img" data-testid={`kpi-spark-${k.id}`}>
                <KpiSparkline series={trend.series} />
              </div>
            ) : null}
            {trend ? <Change kpi={k} trend={trend} /> : null}
            <KpiTarget kpi={k} />
            <p id={help} className="mt-1 text-xs text-slate-500">
              {k.definition} {unitNote(k)}
            </p>
            {k.partialData ? (
              <p className="mt-1 text-xs text-amber-700">Partial data: {k.partialData}</p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
