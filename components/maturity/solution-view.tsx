"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { PHASES } from "@/lib/maturity/types";
import { maturityQueries } from "@/lib/query-options/maturity";
import { AsOf } from "./as-of";
import { CheckCard } from "./check-card";
import { ExemptionList } from "./exemption-list";
import { SolutionHistory } from "./solution-history";
import { SolutionKpis } from "./solution-kpis";
import { PhaseBadge } from "./status";

export function SolutionView({ solutionKey }: { solutionKey: string }) {
  const { data, error, isPending, refetch } = useQuery(maturityQueries.solution(solutionKey));
  const me = useQuery(maturityQueries.me());
  const canManage = me.data?.permissions.includes("maturity.manage") ?? false;
  if (isPending) return <LoadingBlock label="Assessing the solution" />;
  if (error) return <ErrorState message={error.message} retry={refetch} />;
  const a = data.assessment;
  return (
    <div className="space-y-8">
      <AsOf
        generatedAt={data.generatedAt}
        refreshMinutes={data.refreshMinutes}
        collectionFailure={data.collectionFailure}
      />
      {data.warnings.map((w) => (
        <p
          key={w}
          role="status"
          className="rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:bg-amber-950"
        >
          {w}
        </p>
      ))}
      <section aria-labelledby="phase-summary" className="space-y-2">
        <h2 id="phase-summary" className="sr-only">
          Phase
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <PhaseBadge phase={a.phase} provisional={a.provisional} />
          {a.team ? <span className="text-sm text-slate-500">team {a.team}</span> : null}
          <span className="text-sm text-slate-500">score {a.score}</span>
        </div>
        {a.next ? (
          <div>
            <p className="text-sm">
              {a.progress}% of {a.next}&apos;s required checks pass
            </p>
            <div
              className="mt-1 h-2 w-64 rounded bg-slate-200 dark:bg-slate-800"
              role="progressbar"
              aria-label={`Progress to ${a.next}`}
              aria-valuenow={a.progress}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <div className="h-2 rounded bg-sky-600" style={{ width: `${a.progress}%` }} />
            </div>
          </div>
        ) : (
          <p className="text-sm">Every phase is reached.</p>
        )}
        {a.provisional ? (
          <p className="text-sm text-sky-800">
            Provisional: some evidence could not be read; those checks are shown as Unknown and not counted.
          </p>
        ) : null}
      </section>
      <SolutionHistory solutionKey={a.key} />
      <section aria-labelledby="kpis" className="space-y-3">
        <h2 id="kpis" className="text-lg font-semibold">
          KPIs (90 days)
        </h2>
        <SolutionKpis solutionKey={a.key} kpis={data.kpis} />
      </section>
      {PHASES.map((phase) => (
        <section key={phase} aria-labelledby={`phase-${phase}`} className="space-y-3">
          <h2 id={`phase-${phase}`} className="text-lg font-semibold">
            {phase}
          </h2>
          <ul className="space-y-2">
            {a.checks
              .filter((c) => c.phase === phase)
              .map((c) => (
                <CheckCard key={c.id} check={c} solutionKey={solutionKey} canManage={canManage} />
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="exemptions" className="space-y-3">
        <h2 id="exemptions" className="text-lg font-semibold">
          Exemptions
        </h2>
        <ExemptionList solutionKey={solutionKey} />
      </section>
    </div>
  );
}
