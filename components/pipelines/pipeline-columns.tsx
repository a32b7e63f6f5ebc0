import Link from "next/link";
import type { DataColumn } from "@/components/ui/data-table";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import type { PipelineRow } from "@/lib/pipelines/read-models";
import { routes } from "@/lib/routes";
import { StatusBadge } from "./status-badge";

export const pipelineHref = (p: PipelineRow) => `${routes.pipelines}/${encodeURIComponent(p.name)}`;

/** The stats of a row, or undefined when SageMaker could not give them (the row shows the error instead). */
function stats(p: PipelineRow) {
  return "error" in p.stats ? undefined : p.stats;
}

/** The pipelines table; a row whose stats failed shows the error across the four stats columns. */
export const PIPELINE_COLUMNS: DataColumn<PipelineRow>[] = [
  {
    id: "pipeline",
    header: "Pipeline",
    minWidth: "16rem",
    cell: (p) => (
      <>
        <Link href={pipelineHref(p)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
          {p.displayName}
        </Link>
        {p.displayName !== p.name ? <div className="text-xs text-slate-500">{p.name}</div> : null}
      </>
    ),
  },
  {
    id: "latest",
    header: "Latest run",
    colSpan: (p) => (stats(p) ? 1 : 4),
    cellProps: (p) => (stats(p) ? {} : { className: "text-amber-700" }),
    cell: (p) => {
      const s = stats(p);
      if (!s) return "error" in p.stats ? p.stats.error : null;
      return (
        <>
          <StatusBadge status={s.latestStatus} />{" "}
          <Timestamp at={s.latestStartedAt ?? undefined} className="text-xs text-slate-500" />
        </>
      );
    },
  },
  {
    id: "success",
    header: "Success (30 d)",
    title: "Succeeded / finished runs started in the last 30 days",
    className: "tabular-nums",
    cell: (p) => {
      const rate = stats(p)?.successRate;
      return rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)} %`;
    },
  },
  {
    id: "median",
    header: "Median duration",
    title: "Median duration of successful runs in the last 30 days",
    className: "tabular-nums",
    cell: (p) => formatDuration(stats(p)?.medianDurationMs ?? null),
  },
  {
    id: "runs",
    header: "Runs (30 d)",
    className: "tabular-nums",
    cell: (p) => `${stats(p)?.runs ?? ""}${stats(p)?.capped ? "+" : ""}`,
  },
  { id: "modified", header: "Last modified", nowrap: true, cell: (p) => <Timestamp at={p.lastModifiedAt} /> },
];
