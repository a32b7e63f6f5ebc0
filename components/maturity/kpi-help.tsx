import type { Kpi } from "@/lib/maturity/kpis";
import { unitNote } from "./kpi-units";

/**
 * A KPI's definition and the unit it is shown in, behind a native disclosure: Tab reaches "What this measures",
 * Enter or Space opens it, with no script (a `title` tooltip never shows to the keyboard). `id` names the text, for
 * the value's aria-describedby.
 */
export function KpiHelp({ kpi, id }: { kpi: Kpi; id: string }) {
  return (
    <details className="mt-1 text-xs text-slate-500">
      <summary className="w-fit cursor-pointer rounded text-sky-700 hover:underline dark:text-sky-400">
        What this measures<span className="sr-only">: {kpi.title}</span>
      </summary>
      <p id={id} className="mt-1">
        {kpi.definition} {unitNote(kpi)}
      </p>
    </details>
  );
}
