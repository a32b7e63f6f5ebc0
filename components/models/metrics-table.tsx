"use client";

import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { VersionEvidence } from "@/lib/models/metric-types";
import { ReportStates } from "./report-states";

/** Loss- and error-like metrics improve downwards. */
export const lowerIsBetter = (name: string) => /loss|error|rmse|mae|mape|mse/i.test(name);

const deltaTone = (name: string, d: number | undefined) =>
  d === undefined || d === 0 ? "" : d > 0 !== lowerIsBetter(name) ? "text-emerald-700" : "text-red-700";

/**
 * This version's metrics next to a baseline (the version in Production), with the difference, and where
 * each number came from (its report or the model package's metadata); reports that could not be read say so.
 */
export function MetricsTable({
  metrics,
  evidence,
  baseline,
  baselineLabel,
}: {
  metrics: Record<string, number>;
  evidence?: VersionEvidence;
  baseline?: Record<string, number>;
  baselineLabel?: string;
}) {
  const names = [...new Set([...Object.keys(metrics), ...Object.keys(baseline ?? {})])].sort();
  const detail = new Map(evidence?.metrics.map((m) => [m.name, m]));
  const reports = evidence?.reports ?? [];
  if (names.length === 0) {
    return (
      <div>
        <p className="text-sm text-slate-500">No metrics recorded.</p>
        <ReportStates reports={reports} />
      </div>
    );
  }
  const delta = (n: string) => {
    const a = metrics[n];
    const b = baseline?.[n];
    return a !== undefined && b !== undefined ? a - b : undefined;
  };
  const columns: DataColumn<string>[] = [
    { id: "metric", header: "Metric", cell: (n) => n },
    {
      id: "this",
      header: "This version",
      cell: (n) => {
        const sd = detail.get(n)?.standardDeviation;
        return (
          <>
            {metrics[n]?.toFixed(4) ?? "—"}
            {sd !== undefined ? <span className="text-xs text-slate-500"> ± {sd.toFixed(4)}</span> : null}
          </>
        );
      },
    },
  ];
  if (baseline) {
    columns.push(
      { id: "baseline", header: baselineLabel ?? "Production", cell: (n) => baseline[n]?.toFixed(4) ?? "—" },
      {
        id: "delta",
        header: "Δ",
        cell: (n) => {
          const d = delta(n);
          return d === undefined ? "—" : `${d >= 0 ? "+" : ""}${d.toFixed(4)}`;
        },
        cellProps: (n) => ({ className: deltaTone(n, delta(n)) }),
      },
    );
  }
  if (evidence) {
    columns.push({
      id: "source",
      header: "Source",
      className: "text-xs break-all text-slate-500",
      cell: (n) => detail.get(n)?.sources.join(" · ") ?? "—",
      cellProps: () => ({ "data-testid": "metric-source" }),
    });
  }
  return (
    <div data-testid="metrics" className="space-y-2">
      <DataTable
        label="Metrics"
        className="tabular-nums"
        columns={columns}
        rows={names}
        rowId={(n) => n}
        rowProps={(n) => ({ "data-metric": n })}
      />
      <ReportStates reports={reports} />
    </div>
  );
}
