"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { formatDuration } from "@/components/ui/timestamp";
import type { ExecutionComparison, StepSide } from "@/lib/pipelines/compare";
import { fetchJson } from "@/lib/query-options/fetcher";
import { routes } from "@/lib/routes";
import { StatusBadge } from "./status-badge";

const DIFF = "bg-amber-50 font-semibold dark:bg-amber-950";
const th = "border-b border-slate-200 px-2 py-1 text-left dark:border-slate-800";
const td = "border-b border-slate-100 px-2 py-1 dark:border-slate-900";

function Step({ s }: { s: StepSide | undefined }) {
  if (!s) return <span className="text-slate-400">not run</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <StatusBadge status={s.status} />
      <span className="tabular-nums">{formatDuration(s.durationMs)}</span>
      {s.reused ? <span className="text-xs text-slate-500">reused</span> : null}
    </span>
  );
}

const num = (v: number | undefined) => (v === undefined ? "—" : v.toFixed(4));

/** Two executions side by side: parameters, steps (status, duration, definition changes), training metrics. */
export function ExecutionCompare({ pipeline, a, b }: { pipeline: string; a: string; b: string }) {
  const base = `${routes.pipelines}/${encodeURIComponent(pipeline)}/executions`;
  const query = useQuery({
    queryKey: ["pipelines", "compare", pipeline, a, b],
    queryFn: () =>
      fetchJson<ExecutionComparison>(
        `/api/pipelines/${encodeURIComponent(pipeline)}/executions/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`,
      ),
  });
  if (query.isError) return <ErrorState message={query.error.message} retry={() => void query.refetch()} />;
  const c = query.data;
  if (!c) return <LoadingBlock rows={6} label="Loading the comparison" />;
  const head = (
    <tr>
      <th className={th}>&nbsp;</th>
      {[c.a, c.b].map((x) => (
        <th key={x.id} className={th}>
          <Link href={`${base}/${x.id}`} className="text-sky-700 hover:underline">
            {x.displayName}
          </Link>{" "}
          <StatusBadge status={x.status} />
          <div className="font-mono text-xs font-normal text-slate-500">
            {x.id} · version {x.pipelineVersionId ?? "?"} · {formatDuration(x.durationMs)}
          </div>
        </th>
      ))}
    </tr>
  );
  return (
    <div className="space-y-8 text-sm">
      {c.definitionChanged ? (
        <p
          className="rounded border border-amber-300 bg-amber-50 p-2 dark:bg-amber-950"
          data-testid="definition-changed"
        >
          The pipeline definition changed between these executions (version {c.a.pipelineVersionId ?? "?"} →{" "}
          {c.b.pipelineVersionId ?? "?"}).
        </p>
      ) : null}
      <section>
        <h2 className="mb-2 font-semibold">Parameters</h2>
        <table className="w-full" data-testid="compare-parameters">
          <thead>{head}</thead>
          <tbody>
            {c.parameters.map((p) => (
              <tr key={p.name} data-differs={p.differs} className={p.differs ? DIFF : undefined}>
                <td className={`${td} font-mono`}>{p.name}</td>
                <td className={`${td} font-mono`}>{p.a ?? "—"}</td>
                <td className={`${td} font-mono`}>{p.b ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="mb-2 font-semibold">Steps</h2>
        <table className="w-full" data-testid="compare-steps">
          <thead>{head}</thead>
          <tbody>
            {c.steps.map((s) => (
              <tr key={s.name} data-step={s.name} className={s.statusDiffers || s.onlyIn ? DIFF : undefined}>
                <td className={`${td} font-mono`}>
                  {s.name}
                  {s.onlyIn ? (
                    <span className="ml-2 text-xs font-normal text-amber-700">
                      only in {s.onlyIn === "a" ? "the first" : "the second"} (definition changed)
                    </span>
                  ) : null}
                </td>
                <td className={td}>{s.onlyIn === "b" ? "—" : <Step s={s.a} />}</td>
                <td className={td}>
                  {s.onlyIn === "a" ? "—" : <Step s={s.b} />}
                  {s.durationDeltaMs ? (
                    <span className="ml-2 text-xs text-slate-500">
                      ({s.durationDeltaMs > 0 ? "+" : "−"}
                      {formatDuration(Math.abs(s.durationDeltaMs))})
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="mb-2 font-semibold">Training metrics</h2>
        {c.metrics.length === 0 ? (
          <p className="text-slate-500">Neither execution has training metrics.</p>
        ) : (
          <table className="w-full" data-testid="compare-metrics">
            <thead>{head}</thead>
            <tbody>
              {c.metrics.map((m) => (
                <tr key={`${m.step}/${m.metric}`} className={m.a !== m.b ? DIFF : undefined}>
                  <td className={`${td} font-mono`}>
                    {m.step} · {m.metric}
                  </td>
                  <td className={`${td} tabular-nums`}>{num(m.a)}</td>
                  <td className={`${td} tabular-nums`}>{num(m.b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
