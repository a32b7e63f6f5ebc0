import Link from "next/link";
import type { SolutionRow } from "@/lib/maturity-report/report";
import { maturityRoutes } from "@/lib/routes";
import { PhaseBadge, STATUS_CELL, STATUS_LABEL } from "./status";

/** Solutions × checks, one coloured cell per check result. */
export function HeatMap({ solutions, checkIds }: { solutions: SolutionRow[]; checkIds: string[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="text-sm" aria-label="Checks per solution">
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-left">
              Solution
            </th>
            <th scope="col" className="px-2 py-1 text-left">
              Phase
            </th>
            {checkIds.map((id) => (
              <th key={id} scope="col" className="px-0.5 py-1 text-xs font-medium text-slate-500">
                {id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {solutions.map((s) => (
            <tr key={s.key} data-testid={`heat-${s.key}`}>
              <th scope="row" className="px-2 py-1 text-left font-medium">
                <Link href={maturityRoutes.solution(s.key)} className="text-sky-700 hover:underline">
                  {s.name}
                </Link>
              </th>
              <td className="px-2 py-1">
                <PhaseBadge phase={s.phase} provisional={s.provisional} />
              </td>
              {checkIds.map((id) => {
                const st = s.checks[id] ?? "unknown";
                return (
                  <td key={id} className="px-0.5 py-1">
                    <span
                      className={`block h-5 w-7 rounded ${STATUS_CELL[st]}`}
                      title={`${s.name} · ${id}: ${STATUS_LABEL[st]}`}
                      aria-label={`${id} ${STATUS_LABEL[st]}`}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
