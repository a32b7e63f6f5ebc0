/** KPI trends from the organisation's snapshot history: a series per KPI and the change vs ~30 days ago. */
import type { Kpi } from "@/lib/maturity/kpis";
import type { HistoryPoint } from "@/lib/maturity-history/history";

export interface KpiTrend {
  series: { at: number; value: number }[];
  /** latest value minus the value ~30 days before it; null without both */
  change: number | null;
  /** when the compared point was taken */
  since: number | null;
}

const DAY = 86_400_000;

/** Lower is better for these; higher for the rest (deployment frequency, pipeline success). */
export const LOWER_IS_BETTER: ReadonlySet<Kpi["id"]> = new Set([
  "leadTime",
  "approvalLatency",
  "approvalQueue",
  "changeFailureRate",
  "prodModelAge",
]);

/**
 * For each KPI id: its non-null values over time, and the change of the latest value against the newest
 * point at least `days` (30) before it — or the oldest point when history is shorter but spans a week.
 */
export function kpiTrends(points: HistoryPoint[], days = 30): Record<string, KpiTrend> {
  const ids = new Set(points.flatMap((p) => Object.keys(p.kpis)));
  const out: Record<string, KpiTrend> = {};
  for (const id of ids) {
    const series = points.flatMap((p) => {
      const v = p.kpis[id]?.value;
      return typeof v === "number" && Number.isFinite(v) ? [{ at: p.at, value: v }] : [];
    });
    const last = series.at(-1);
    let base: { at: number; value: number } | undefined;
    if (last) {
      base = series.filter((s) => s.at <= last.at - days * DAY).at(-1);
      if (!base && series[0] && last.at - series[0].at >= 7 * DAY) base = series[0];
    }
    out[id] = {
      series,
      change: last && base ? Math.round((last.value - base.value) * 10) / 10 : null,
      since: base?.at ?? null,
    };
  }
  return out;
}
