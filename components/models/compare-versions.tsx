"use client";

import { useState } from "react";
import { DataTable } from "@/components/ui/data-table";
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
      {shown.length > 0 ? (
        <DataTable
          label="Metrics side by side"
          className="tabular-nums"
          columns={[
            { id: "metric", header: "Metric", cell: (n: string) => n },
            ...versions.map((v) => ({
              id: v.arn,
              header: `v${v.version}`,
              cell: (n: string) => v.metrics[n]?.toFixed(4) ?? "—",
            })),
          ]}
          rows={shown}
          rowId={(n) => n}
        />
      ) : null}
      {shown.length === 0 ? <p className="text-sm text-slate-500">All metrics are equal.</p> : null}
    </div>
  );
}
