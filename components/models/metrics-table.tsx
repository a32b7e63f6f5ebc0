import type { VersionEvidence } from "@/lib/models/metric-types";
import { ReportStates } from "./report-states";

/** Loss- and error-like metrics improve downwards. */
export const lowerIsBetter = (name: string) => /loss|error|rmse|mae|mape|mse/i.test(name);

const deltaTone = (name: string, d: number | undefined) =>
  d === undefined || d === 0 ? "" : d > 0 !== lowerIsBetter(name) ? "text-emerald-700" : "text-red-700";

/**
 * This version's metrics next to a baseline (the version in Production), with the difference, and where
 * each number came from (its report or the model package's metadata); reports that could not be read say so.
 */
export function MetricsTable({
  metrics,
  evidence,
  baseline,
  baselineLabel,
}: {
  metrics: Record<string, number>;
  evidence?: VersionEvidence;
  baseline?: Record<string, number>;
  baselineLabel?: string;
}) {
  const names = [...new Set([...Object.keys(metrics), ...Object.keys(baseline ?? {})])].sort();
  const detail = new Map(evidence?.metrics.map((m) => [m.name, m]));
  const reports = evidence?.reports ?? [];
  if (names.length === 0) {
    return (
      <div>
        <p className="text-sm text-slate-500">No metrics recorded.</p>
        <ReportStates reports={reports} />
      </div>
    );
  }
  return (
    <div data-testid="metrics">
      <table className="text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="pr-4 font-medium">Metric</th>
            <th className="pr-4 font-medium">This version</th>
            {baseline ? <th className="pr-4 font-medium">{baselineLabel ?? "Production"}</th> : null}
            {baseline ? <th className="pr-4 font-medium">Δ</th> : null}
            {evidence ? <th className="font-medium">Source</th> : null}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {names.map((n) => {
            const a = metrics[n];
            const b = baseline?.[n];
            const d = a !== undefined && b !== undefined ? a - b : undefined;
            const m = detail.get(n);
            return (
              <tr key={n} data-metric={n}>
                <td className="pr-4">{n}</td>
                <td className="pr-4">
                  {a?.toFixed(4) ?? "—"}
                  {m?.standardDeviation !== undefined ? (
                    <span className="text-xs text-slate-500"> ± {m.standardDeviation.toFixed(4)}</span>
                  ) : null}
                </td>
                {baseline ? <td className="pr-4">{b?.toFixed(4) ?? "—"}</td> : null}
                {baseline ? (
                  <td className={`pr-4 ${deltaTone(n, d)}`}>
                    {d === undefined ? "—" : `${d >= 0 ? "+" : ""}${d.toFixed(4)}`}
                  </td>
                ) : null}
                {evidence ? (
                  <td className="text-xs break-all text-slate-500" data-testid="metric-source">
                    {m?.sources.join(" · ") ?? "—"}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ReportStates reports={reports} />
    </div>
  );
}
