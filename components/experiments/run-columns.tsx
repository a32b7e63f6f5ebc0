"use client";

import Link from "next/link";
import type { DataColumn } from "@/components/ui/data-table";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import { columnLabel, type ParsedColumn } from "@/lib/experiments/columns";
import { executionHref, runLabel, shortTime } from "@/lib/experiments/run-label";
import type { RunRow } from "@/lib/experiments/types";
import { formatValue, StatusBadge } from "./run-values";

function jobName(arn: string | undefined): string {
  return arn ? (arn.split("/").pop() ?? arn) : "—";
}

/** A header's width in rem so the whole name shows on one line (monospace-ish estimate, 7–18 rem). */
export function headerWidth(label: string): string {
  return `${Math.min(18, Math.max(7, Math.ceil(label.length * 0.6 + 2.5)))}rem`;
}

export interface RunSelection {
  has: (name: string) => boolean;
  toggle: (name: string) => void;
  /** every run on this page selected / some of them; `togglePage` selects or clears the page */
  page?: { all: boolean; some: boolean; togglePage: () => void };
}

/** The runs table's columns: selection, the fixed ones, then the parameters and metrics the user picked. */
export function runColumns(
  experiment: string,
  picked: ParsedColumn[],
  selection: RunSelection,
): DataColumn<RunRow>[] {
  const page = selection.page;
  const fixed: DataColumn<RunRow>[] = [
    {
      id: "select",
      header: page ? (
        <input
          type="checkbox"
          aria-label="Select every run on this page"
          checked={page.all}
          ref={(el) => {
            if (el) el.indeterminate = page.some && !page.all;
          }}
          onChange={page.togglePage}
        />
      ) : (
        <span className="sr-only">Select</span>
      ),
      width: "2.5rem",
      cell: (r) => (
        <input
          type="checkbox"
          aria-label={`Select ${runLabel(r)}`}
          checked={selection.has(r.name)}
          onChange={() => selection.toggle(r.name)}
        />
      ),
    },
    {
      id: "name",
      header: "Run",
      minWidth: "14rem",
      maxWidth: "24rem",
      sortable: true,
      cellProps: (r) => ({ title: runLabel(r) }),
      cell: (r) => (
        <>
          <Link
            href={`/experiments/${encodeURIComponent(experiment)}/runs/${encodeURIComponent(r.name)}`}
            className="block truncate font-medium text-sky-700 hover:underline dark:text-sky-400"
          >
            {r.displayName}
          </Link>
          {r.executionId ? (
            <span className="block truncate text-xs text-slate-500">
              <Link
                href={executionHref(experiment, r.executionId)}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                exec {r.executionId}
              </Link>{" "}
              · {shortTime(r.startedAt)}
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      width: "8rem",
      sortable: true,
      cell: (r) => <StatusBadge status={r.status} />,
    },
    {
      id: "start",
      header: "Started",
      width: "11rem",
      nowrap: true,
      sortable: true,
      cell: (r) => <Timestamp at={r.startedAt} />,
    },
    {
      id: "duration",
      header: "Duration",
      width: "7rem",
      cell: (r) => formatDuration(r.startedAt && r.endedAt ? r.endedAt - r.startedAt : null),
    },
    {
      id: "source",
      header: "Source job",
      minWidth: "12rem",
      maxWidth: "20rem",
      sortable: true,
      cell: (r) => jobName(r.sourceArn),
      cellProps: (r) => ({ title: jobName(r.sourceArn) }),
    },
  ];
  const dynamic = picked.map<DataColumn<RunRow>>((c) => ({
    id: c.id,
    header: columnLabel(c),
    title: columnLabel(c),
    minWidth: headerWidth(columnLabel(c)),
    nowrap: true,
    sortable: true,
    align: "right",
    cell: (r) =>
      c.kind === "param"
        ? formatValue(r.params[c.param])
        : c.kind === "metric"
          ? formatValue(r.metrics[c.metric]?.[c.stat])
          : "",
  }));
  return [...fixed, ...dynamic];
}
