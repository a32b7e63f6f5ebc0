"use client";

import Link from "next/link";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { CheckInfo, SolutionRow } from "@/lib/maturity-report/report";
import type { CheckStatus } from "@/lib/maturity/types";
import { maturityRoutes } from "@/lib/routes";
import { PhaseBadge, STATUS_CELL, STATUS_LABEL } from "./status";

/** A glyph per status, so a cell reads without its colour. */
export const STATUS_GLYPH: Record<CheckStatus, string> = {
  pass: "✓",
  partial: "◐",
  fail: "✕",
  na: "–",
  unknown: "?",
};

/** Advisory checks: hatched cells and a dashed outline, so they differ from required ones without colour. */
const ADVISORY_CELL =
  "outline-dashed outline-1 outline-slate-500 bg-[repeating-linear-gradient(45deg,transparent_0_3px,rgb(255_255_255/0.55)_3px_6px)]";

function checkLabel(c: CheckInfo): string {
  return `${c.id} ${c.title} (${c.required ? "required" : "advisory"})`;
}

function columns(checks: CheckInfo[]): DataColumn<SolutionRow>[] {
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
    ...checks.map<DataColumn<SolutionRow>>((c) => ({
      id: c.id,
      title: checkLabel(c),
      header: (
        <span className="flex flex-col items-center leading-tight" data-testid={`heat-head-${c.id}`}>
          <span>{c.id}</span>
          <span className="max-w-16 truncate text-[10px] font-normal" aria-hidden="true">
            {c.title}
          </span>
          {c.required ? null : (
            <span className="text-[10px] font-normal italic" title="advisory: does not gate the phase">
              ◇ adv.
            </span>
          )}
        </span>
      ),
      className: "px-0.5! text-xs font-medium text-slate-500",
      cell: (s) => {
        const st = s.checks[c.id] ?? "unknown";
        const kind = c.required ? "required" : "advisory";
        return (
          <span
            className={`flex h-5 w-7 items-center justify-center rounded text-[11px] font-bold text-slate-900 ${STATUS_CELL[st]} ${c.required ? "" : ADVISORY_CELL}`}
            title={`${s.name} · ${c.id} ${c.title} (${kind}): ${STATUS_LABEL[st]}`}
            aria-label={`${c.id} ${STATUS_LABEL[st]}`}
            data-kind={kind}
          >
            <span aria-hidden="true">
              {STATUS_GLYPH[st]}
              {c.required ? "" : "◇"}
            </span>
          </span>
        );
      },
    })),
  ];
}

/** What the colours, glyphs and hatching mean. */
export function HeatMapLegend() {
  const statuses: CheckStatus[] = ["pass", "partial", "fail", "unknown", "na"];
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-400">
      {statuses.map((st) => (
        <li key={st} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className={`flex h-4 w-5 items-center justify-center rounded text-[10px] font-bold text-slate-900 ${STATUS_CELL[st]}`}
          >
            {STATUS_GLYPH[st]}
          </span>
          {STATUS_LABEL[st]}
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span
          aria-hidden="true"
          className={`flex h-4 w-5 items-center justify-center rounded text-[10px] font-bold text-slate-900 ${STATUS_CELL.fail} ${ADVISORY_CELL}`}
        >
          ✕◇
        </span>
        Advisory check (hatched, ◇): scored and recommended, does not gate the phase
      </li>
    </ul>
  );
}

/** Solutions × checks, one cell per check result: colour, glyph, and hatching for advisory checks. */
export function HeatMap({ solutions, checks }: { solutions: SolutionRow[]; checks: CheckInfo[] }) {
  return (
    <div className="space-y-2">
      <HeatMapLegend />
      <DataTable
        label="Checks per solution"
        columns={columns(checks)}
        rows={solutions}
        rowId={(s) => s.key}
        rowProps={(s) => ({ "data-testid": `heat-${s.key}` })}
      />
    </div>
  );
}
