/** Loss- and error-like metrics improve downwards. */
export const lowerIsBetter = (name: string) => /loss|error|rmse|mae|mape/i.test(name);

/** This version's metrics next to a baseline (the version in Production), with the difference. */
export function MetricsTable({
  metrics,
  baseline,
  baselineLabel,
}: {
  metrics: Record<string, number>;
  baseline?: Record<string, number>;
  baselineLabel?: string;
}) {
  const names = [...new Set([...Object.keys(metrics), ...Object.keys(baseline ?? {})])].sort();
  if (names.length === 0) return <p className="text-sm text-slate-500">No metrics recorded.</p>;
  return (
    <table className="text-sm">
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="pr-4 font-medium">Metric</th>
          <th className="pr-4 font-medium">This version</th>
          {baseline ? <th className="pr-4 font-medium">{baselineLabel ?? "Production"}</th> : null}
          {baseline ? <th className="font-medium">Δ</th> : null}
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {names.map((n) => {
          const a = metrics[n];
          const b = baseline?.[n];
          const d = a !== undefined && b !== undefined ? a - b : undefined;
          return (
            <tr key={n}>
              <td className="pr-4">{n}</td>
              <td className="pr-4">{a?.toFixed(4) ?? "—"}</td>
              {baseline ? <td className="pr-4">{b?.toFixed(4) ?? "—"}</td> : null}
              {baseline ? (
                <td
                  className={
                    d === undefined || d === 0
                      ? ""
                      : d > 0 !== lowerIsBetter(n)
                        ? "text-emerald-700"
                        : "text-red-700"
                  }
                >
                  {d === undefined ? "—" : `${d >= 0 ? "+" : ""}${d.toFixed(4)}`}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
