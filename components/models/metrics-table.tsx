"use client";

import { DataTable, type DataColumn } from "@/components/ui/data-table";

/** Loss- and error-like metrics improve downwards. */
export const lowerIsBetter = (name: string) => /loss|error|rmse|mae|mape/i.test(name);

/** This version's metrics next to a baseline (the version in Production), with the difference. */
export function MetricsTable({
  metrics,
  baseline,
  baselineLabel,
}: {
  metrics: Record<string, number>;
  baseline?: Record<string, number>;
  baselineLabel?: string;
}) {
  const names = [...new Set([...Object.keys(metrics), ...Object.keys(baseline ?? {})])].sort();
  if (names.length === 0) return <p className="text-sm text-slate-500">No metrics recorded.</p>;
  const delta = (n: string) => {
    const a = metrics[n];
    const b = baseline?.[n];
    return a !== undefined && b !== undefined ? a - b : undefined;
  };
  const columns: DataColumn<string>[] = [
    { id: "metric", header: "Metric", cell: (n) => n },
    { id: "this", header: "This version", cell: (n) => metrics[n]?.toFixed(4) ?? "—" },
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
        cellProps: (n) => {
          const d = delta(n);
          if (d === undefined || d === 0) return {};
          return { className: d > 0 !== lowerIsBetter(n) ? "text-emerald-700" : "text-red-700" };
        },
      },
    );
  }
  return (
    <DataTable label="Metrics" className="tabular-nums" columns={columns} rows={names} rowId={(n) => n} />
  );
}
