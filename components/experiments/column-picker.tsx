"use client";

import type { MetricStat, ParsedColumn } from "@/lib/experiments/columns";

const STATS: MetricStat[] = ["last", "min", "max", "avg"];

/** Choose parameter and metric columns; the choice goes to the URL as `cols`. */
export function ColumnPicker({
  params,
  metrics,
  picked,
  onChange,
}: {
  params: string[];
  metrics: string[];
  picked: ParsedColumn[];
  onChange: (ids: string[]) => void;
}) {
  const ids = picked.map((c) => c.id);
  const toggle = (id: string) => onChange(ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-700">
        Columns ({picked.length})
      </summary>
      <div className="absolute right-0 z-20 mt-1 max-h-96 w-96 overflow-auto rounded border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <fieldset>
          <legend className="font-medium">Metrics</legend>
          {metrics.length === 0 ? <p className="text-slate-500">No metrics on this page.</p> : null}
          {metrics.map((m) => (
            <div key={m} className="flex items-center gap-2 py-0.5">
              <span className="w-40 truncate" title={m}>
                {m}
              </span>
              {STATS.map((s) => (
                <label key={s} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={ids.includes(`m:${m}:${s}`)}
                    onChange={() => toggle(`m:${m}:${s}`)}
                    aria-label={`${m} ${s}`}
                  />
                  {s}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
        <fieldset className="mt-3">
          <legend className="font-medium">Parameters</legend>
          {params.map((p) => (
            <label key={p} className="flex items-center gap-2 py-0.5">
              <input type="checkbox" checked={ids.includes(`p:${p}`)} onChange={() => toggle(`p:${p}`)} />
              {p}
            </label>
          ))}
        </fieldset>
      </div>
    </details>
  );
}
