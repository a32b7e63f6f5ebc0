"use client";

import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { CompareRow } from "@/lib/experiments/compare";
import type { RunDetail } from "@/lib/experiments/types";
import { formatValue, StatusBadge } from "./run-columns";

function columns(runs: RunDetail[]): DataColumn<CompareRow>[] {
  return [
    {
      id: "name",
      header: "Run",
      rowHeader: true,
      stickyLeft: true,
      className: "font-mono",
      cell: (row) => (
        <>
          <span className="mr-1 text-xs text-slate-500">{row.kind === "param" ? "param" : "metric"}</span>
          {row.label}
        </>
      ),
    },
    ...runs.map<DataColumn<CompareRow>>((r, i) => ({
      id: `run:${r.name}`,
      header: (
        <span>
          <span className="block">{r.displayName}</span>
          <StatusBadge status={r.status} />
        </span>
      ),
      align: "right",
      minWidth: "8rem",
      cell: (row) => formatValue(row.values[i]),
    })),
  ];
}

/** Runs as columns, parameters and metrics as rows; rows that differ are highlighted. */
export function CompareTable({ runs, rows }: { runs: RunDetail[]; rows: CompareRow[] }) {
  return (
    <DataTable
      label="Runs side by side"
      maxHeight={512}
      columns={columns(runs)}
      rows={rows}
      rowId={(row) => row.key}
      rowProps={(row) => ({
        "data-differs": String(row.differs),
        className: row.differs ? "bg-amber-50/60 dark:bg-amber-950/30" : undefined,
      })}
    />
  );
}
