"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { RunDetail } from "@/lib/experiments/types";

/** One bar per run for one metric's last value. */
export function MetricBars({ runs, metric }: { runs: RunDetail[]; metric: string }) {
  const data = runs.map((r) => ({ run: r.displayName, value: r.metrics[metric]?.last ?? null }));
  return (
    <figure className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
      <figcaption className="mb-1 font-mono text-sm">{metric}</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="run" tick={runs.length > 20 ? false : { fontSize: 10 }} />
          <YAxis tick={{ fontSize: 10 }} domain={["auto", "auto"]} width={48} />
          <Tooltip />
          <Bar dataKey="value" fill="#0369a1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** One metric (y) against one parameter (x), a dot per run. */
export function MetricScatter({ runs, metric, param }: { runs: RunDetail[]; metric: string; param: string }) {
  const data = runs.flatMap((r) => {
    const x = r.params[param];
    const y = r.metrics[metric]?.last;
    return typeof x === "number" && y !== undefined ? [{ x, y, run: r.displayName }] : [];
  });
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ScatterChart>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis type="number" dataKey="x" name={param} domain={["auto", "auto"]} tick={{ fontSize: 10 }} />
        <YAxis
          type="number"
          dataKey="y"
          name={metric}
          domain={["auto", "auto"]}
          tick={{ fontSize: 10 }}
          width={56}
        />
        <Tooltip />
        <Scatter data={data} fill="#0369a1" isAnimationActive={false} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
