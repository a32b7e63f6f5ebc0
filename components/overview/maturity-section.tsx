"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { KpiHelp } from "@/components/maturity/kpi-help";
import { formatKpi } from "@/components/maturity/kpi-units";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import type { Kpi } from "@/lib/maturity/kpis";
import { overviewQueries } from "@/lib/query-options/overview";
import { maturityRoutes, routes } from "@/lib/routes";
import type { MaturitySummary } from "@/lib/overview/maturity";
import { OverviewSection, QueryState } from "./section";

/** A headline tile; its definition and unit open from "What this measures" (keyboard-reachable, issue 20). */
function Headline({ kpi }: { kpi: Kpi }) {
  const help = `overview-kpi-definition-${kpi.id}`;
  return (
    <li data-testid={`overview-kpi-${kpi.id}`} className="rounded-md bg-slate-50 p-3 dark:bg-slate-900">
      <p className="text-sm text-slate-600 dark:text-slate-400">{kpi.title}</p>
      <p className="text-xl font-semibold" aria-describedby={help}>
        {formatKpi(kpi.value, kpi.unit)}
      </p>
      <p className="text-xs text-slate-500">
        n = {kpi.n}
        {kpi.approx ? " · approx" : ""}
        {kpi.partialData ? " · partial data" : ""}
      </p>
      <KpiHelp kpi={kpi} id={help} />
    </li>
  );
}

function Summary({ data }: { data: MaturitySummary }) {
  if (data.phases.every((p) => p.solutions.length === 0))
    return (
      <EmptyState title="No ML solutions found in SageMaker">
        Solutions are grouped by their project or team tag; tag a model group or pipeline to see it here.
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      <ul aria-label="Solutions per phase" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {data.phases
          .filter((p) => p.phase !== null || p.solutions.length > 0)
          .map((p) => (
            <li key={p.phase ?? "none"} data-testid={`overview-phase-${p.phase ?? "none"}`}>
              <p className="text-sm font-medium">
                {p.phase ?? "Not yet Initial"}{" "}
                <span className="text-slate-500 tabular-nums">({p.solutions.length})</span>
              </p>
              <p className="text-sm">
                {p.solutions.length === 0 ? <span className="text-slate-500">—</span> : null}
                {p.solutions.map((s, i) => (
                  <span key={s.key}>
                    {i > 0 ? ", " : ""}
                    <Link href={maturityRoutes.solution(s.key)} className="text-sky-700 hover:underline">
                      {s.name}
                    </Link>
                  </span>
                ))}
              </p>
            </li>
          ))}
      </ul>
      {data.urgent.length > 0 ? (
        <div>
          <h3 className="font-medium">Most urgent next steps</h3>
          <ul aria-label="Most urgent next steps" className="mt-1 space-y-1 text-sm">
            {data.urgent.map((u) => (
              <li key={u.key}>
                <Link
                  href={maturityRoutes.solution(u.key)}
                  className="font-medium text-sky-700 hover:underline"
                >
                  {u.name}
                </Link>{" "}
                <span className="text-slate-500">
                  ({u.phase ?? "not yet Initial"}
                  {u.next ? ` → ${u.next}, ${u.progress}%` : ""})
                </span>
                : {u.step.id} {u.step.title} {u.step.required ? null : <Badge>advisory</Badge>}
                <span className="block text-slate-600 dark:text-slate-400">{u.step.action}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul aria-label="KPI headlines" className="grid gap-3 sm:grid-cols-3">
        {data.kpis.map((k) => (
          <Headline key={k.id} kpi={k} />
        ))}
      </ul>
    </div>
  );
}

/** Managers: where the solutions stand, what to do next, and the lifecycle headlines; links to /maturity. */
export function MaturitySection() {
  const query = useQuery(overviewQueries.maturity());
  return (
    <OverviewSection
      id="maturity"
      title="Maturity"
      href={routes.maturity}
      linkLabel="Open the maturity report"
    >
      <QueryState query={query} what="the maturity summary" rows={4}>
        {(data) => <Summary data={data} />}
      </QueryState>
    </OverviewSection>
  );
}
