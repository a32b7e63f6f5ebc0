import Link from "next/link";
import type { DataColumn } from "@/components/ui/data-table";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import type { ExecutionListPage, ExecutionRow } from "@/lib/pipelines/read-models";
import { StatusBadge } from "./status-badge";

type Parameter = ExecutionListPage["pipeline"]["parameters"][number];

/** The executions table: status, name, timing, who started it, then one column per pipeline parameter. */
export function executionColumns(base: string, params: Parameter[]): DataColumn<ExecutionRow>[] {
  const fixed: DataColumn<ExecutionRow>[] = [
    { id: "status", header: "Status", nowrap: true, cell: (e) => <StatusBadge status={e.status} /> },
    {
      id: "execution",
      header: "Execution",
      minWidth: "16rem",
      cell: (e) => (
        <>
          <Link
            href={`${base}/${e.id}`}
            className="font-medium text-sky-700 hover:underline dark:text-sky-400"
          >
            {e.displayName}
          </Link>
          <div className="font-mono text-xs text-slate-500">{e.id}</div>
        </>
      ),
    },
    { id: "started", header: "Started", nowrap: true, cell: (e) => <Timestamp at={e.startedAt} /> },
    {
      id: "duration",
      header: "Duration",
      nowrap: true,
      className: "tabular-nums",
      cell: (e) => formatDuration(e.durationMs),
    },
    {
      id: "startedBy",
      header: "Started by",
      cell: (e) => e.startedBy ?? "—",
      cellProps: (e) => ({ title: e.startedHere ? "Started from SageDeck" : "SageMaker CreatedBy" }),
    },
  ];
  return [
    ...fixed,
    ...params.map<DataColumn<ExecutionRow>>((p) => ({
      id: `param:${p.name}`,
      header: p.name,
      title: `${p.type} parameter`,
      maxWidth: "12rem",
      className: "font-mono text-xs",
      cell: (e) => e.parameters[p.name] ?? "—",
      cellProps: (e) => {
        const v = e.parameters[p.name];
        return {
          title: v,
          "data-param": p.name,
          className: v !== undefined && v !== p.defaultValue ? "font-semibold" : "text-slate-500",
        };
      },
    })),
  ];
}
