"use client";

import Link from "next/link";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { SolutionRow } from "@/lib/maturity-report/report";
import { maturityRoutes } from "@/lib/routes";
import { PhaseBadge, STATUS_CELL, STATUS_LABEL } from "./status";

function columns(checkIds: string[]): DataColumn<SolutionRow>[] {
  return [
    {
      id: "solution",
      header: "Solution",
      rowHeader: true,
      stickyLeft: true,
      className: "font-medium",
      cell: (s) => (
        <Link href={maturityRoutes.solution(s.key)} className="text-sky-700 hover:underline">
          {s.name}
        </Link>
      ),
    },
    {
      id: "phase",
      header: "Phase",
      cell: (s) => <PhaseBadge phase={s.phase} provisional={s.provisional} />,
    },
    ...checkIds.map<DataColumn<SolutionRow>>((id) => ({
      id,
      header: id,
      className: "px-0.5! text-xs font-medium text-slate-500",
      cell: (s) => {
        const st = s.checks[id] ?? "unknown";
        return (
          <span
            className={`block h-5 w-7 rounded ${STATUS_CELL[st]}`}
            title={`${s.name} · ${id}: ${STATUS_LABEL[st]}`}
            aria-label={`${id} ${STATUS_LABEL[st]}`}
          />
        );
      },
    })),
  ];
}

/** Solutions × checks, one coloured cell per check result. */
export function HeatMap({ solutions, checkIds }: { solutions: SolutionRow[]; checkIds: string[] }) {
  return (
    <DataTable
      label="Checks per solution"
      columns={columns(checkIds)}
      rows={solutions}
      rowId={(s) => s.key}
      rowProps={(s) => ({ "data-testid": `heat-${s.key}` })}
    />
  );
}
