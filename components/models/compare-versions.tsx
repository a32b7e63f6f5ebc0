"use client";

import { useState } from "react";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";

/** Metrics of the selected versions side by side; "differences only" hides metrics that are equal. */
export function CompareVersions({ versions }: { versions: ModelVersionDetail[] }) {
  const [diffOnly, setDiffOnly] = useState(false);
  if (versions.length < 2) {
    return <p className="text-sm text-slate-500">Select two or more versions to compare their metrics.</p>;
  }
  const names = [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))].sort();
  const shown = names.filter(
    (n) => !diffOnly || new Set(versions.map((v) => v.metrics[n]?.toFixed(4) ?? "—")).size > 1,
  );
  return (
    <div className="space-y-2" data-testid="compare">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={diffOnly} onChange={(e) => setDiffOnly(e.target.checked)} />
        Differences only
      </label>
      <table className="text-sm tabular-nums">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="pr-4 text-left">Metric</th>
            {versions.map((v) => (
              <th key={v.arn} className="pr-4 text-left">
                v{v.version}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((n) => (
            <tr key={n}>
              <td className="pr-4">{n}</td>
              {versions.map((v) => (
                <td key={v.arn} className="pr-4">
                  {v.metrics[n]?.toFixed(4) ?? "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p className="text-sm text-slate-500">All metrics are equal.</p> : null}
    </div>
  );
}
