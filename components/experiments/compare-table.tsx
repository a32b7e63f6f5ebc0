"use client";

import type { CompareRow } from "@/lib/experiments/compare";
import type { RunDetail } from "@/lib/experiments/types";
import { formatValue, StatusBadge } from "./run-columns";

/** Runs as columns, parameters and metrics as rows; rows that differ are highlighted. */
export function CompareTable({ runs, rows }: { runs: RunDetail[]; rows: CompareRow[] }) {
  return (
    <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className="text-sm" aria-label="Runs side by side">
        <thead className="sticky top-0 bg-slate-50 dark:bg-slate-900">
          <tr>
            <th className="sticky left-0 bg-slate-50 px-3 py-2 text-left dark:bg-slate-900">Run</th>
            {runs.map((r) => (
              <th key={r.name} className="min-w-32 px-3 py-2 text-right font-medium">
                <div>{r.displayName}</div>
                <StatusBadge status={r.status} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              data-differs={row.differs}
              className={`border-t border-slate-100 dark:border-slate-800 ${row.differs ? "bg-amber-50/60 dark:bg-amber-950/30" : ""}`}
            >
              <th scope="row" className="sticky left-0 bg-inherit px-3 py-1 text-left font-mono font-normal">
                <span className="mr-1 text-xs text-slate-500">
                  {row.kind === "param" ? "param" : "metric"}
                </span>
                {row.label}
              </th>
              {row.values.map((v, i) => (
                <td key={i} className="px-3 py-1 text-right tabular-nums">
                  {formatValue(v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
