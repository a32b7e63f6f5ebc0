"use client";

import Link from "next/link";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { executionHref, runLabel, shortTime } from "@/lib/experiments/run-label";
import type { CompareRow } from "@/lib/experiments/compare";
import type { RunDetail } from "@/lib/experiments/types";
import { formatValue, StatusBadge } from "./run-values";

const linkCls = "text-sky-700 hover:underline dark:text-sky-400";

/** A run's column header: its name linking to the run, and for a pipeline's run the execution and start. */
function RunHeader({ run, experiment }: { run: RunDetail; experiment: string }) {
  const exp = run.experimentName ?? experiment;
  return (
    <span className="block font-normal" title={runLabel(run)}>
      <Link
        href={`/experiments/${encodeURIComponent(exp)}/runs/${encodeURIComponent(run.name)}`}
        className={`block font-medium ${linkCls}`}
      >
        {run.displayName}
      </Link>
      {run.executionId ? (
        <>
          <Link href={executionHref(exp, run.executionId)} className={`block text-xs ${linkCls}`}>
            exec {run.executionId}
          </Link>
          <span className="block text-xs text-slate-500">{shortTime(run.startedAt)}</span>
        </>
      ) : null}
      <StatusBadge status={run.status} />
    </span>
  );
}

function columns(runs: RunDetail[], experiment: string): DataColumn<CompareRow>[] {
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
      header: <RunHeader run={r} experiment={experiment} />,
      title: runLabel(r),
      align: "right",
      minWidth: "8rem",
      cell: (row) => formatValue(row.values[i]),
    })),
  ];
}

/**
 * Runs as columns, parameters and metrics as rows; rows that differ are highlighted. The table is as tall as its
 * rows (no inner scroll height): with a height cap the last rows sat hidden inside the box, below the fold of a
 * 1440×900 screen, while the charts under the table were in view (issue 20). The rows are one per parameter or
 * metric, so the table stays short; many runs widen it and it scrolls sideways.
 */
export function CompareTable({
  runs,
  rows,
  experiment,
}: {
  runs: RunDetail[];
  rows: CompareRow[];
  experiment: string;
}) {
  return (
    <DataTable
      label="Runs side by side"
      columns={columns(runs, experiment)}
      rows={rows}
      rowId={(row) => row.key}
      rowProps={(row) => ({
        "data-differs": String(row.differs),
        className: row.differs ? "bg-amber-50/60 dark:bg-amber-950/30" : undefined,
      })}
    />
  );
}
