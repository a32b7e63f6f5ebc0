"use client";

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DataColumn } from "@/components/ui/data-table";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import { columnLabel, type ParsedColumn } from "@/lib/experiments/columns";
import type { RunRow } from "@/lib/experiments/types";

const TONE: Record<string, BadgeTone> = {
  Completed: "green",
  Failed: "red",
  InProgress: "blue",
  Stopping: "amber",
  Stopped: "amber",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "neutral"}>{status}</Badge>;
}

export function formatValue(v: string | number | undefined): string {
  if (v === undefined) return "—";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/0+$/, "");
  return v;
}

function jobName(arn: string | undefined): string {
  return arn ? (arn.split("/").pop() ?? arn) : "—";
}

/** The runs table's columns: selection, the fixed ones, then the parameters and metrics the user picked. */
export function runColumns(
  experiment: string,
  picked: ParsedColumn[],
  selection: { has: (name: string) => boolean; toggle: (name: string) => void },
): DataColumn<RunRow>[] {
  const fixed: DataColumn<RunRow>[] = [
    {
      id: "select",
      header: <span className="sr-only">Select</span>,
      width: "2.5rem",
      cell: (r) => (
        <input
          type="checkbox"
          aria-label={`Select ${r.displayName}`}
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
      cellProps: (r) => ({ title: r.displayName }),
      cell: (r) => (
        <Link
          href={`/experiments/${encodeURIComponent(experiment)}/runs/${encodeURIComponent(r.name)}`}
          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
        >
          {r.displayName}
        </Link>
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
    minWidth: "7rem",
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
