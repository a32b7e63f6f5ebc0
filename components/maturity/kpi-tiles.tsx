import type { Kpi } from "@/lib/maturity/kpis";

const UNIT: Record<Kpi["unit"], string> = {
  hours: "h",
  days: "d",
  percent: "%",
  perWeek: "/ week",
  count: "",
};

function show(v: number | null | undefined, unit: Kpi["unit"]): string {
  return v === null || v === undefined ? "—" : `${v}${unit === "percent" ? "" : " "}${UNIT[unit]}`.trim();
}

/** KPI tiles: the value, its p90 where it has one, the sample size, "approx" and the definition. */
export function KpiTiles({ kpis }: { kpis: Kpi[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Lifecycle KPIs">
      {kpis.map((k) => (
        <li
          key={k.id}
          data-testid={`kpi-${k.id}`}
          className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
        >
          <p className="text-sm text-slate-600 dark:text-slate-400">{k.title}</p>
          <p className="text-2xl font-semibold">
            {show(k.value, k.unit)}
            {k.p90 !== undefined && k.p90 !== null ? (
              <span className="ml-2 text-sm font-normal text-slate-500">p90 {show(k.p90, k.unit)}</span>
            ) : null}
          </p>
          <p className="text-xs text-slate-500">
            n = {k.n}
            {k.approx ? " · approx" : ""}
          </p>
          <p className="mt-1 text-xs text-slate-500">{k.definition}</p>
          {k.partialData ? (
            <p className="mt-1 text-xs text-amber-700">Partial data: {k.partialData}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
