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
import { barDomain } from "@/lib/experiments/chart-scale";
import { runAxisLabel, runLabel } from "@/lib/experiments/run-label";
import type { RunDetail } from "@/lib/experiments/types";

/** A tooltip that names the run (its execution and start for a pipeline's run) and the values. */
function RunTooltip({
  active,
  payload,
  lines,
}: {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  lines: (p: ChartPoint) => string[];
}) {
  const p = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !p) return null;
  return (
    <div className="rounded border border-slate-200 bg-white p-2 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
      <p className="font-medium">{p.label}</p>
      {lines(p).map((l) => (
        <p key={l}>{l}</p>
      ))}
    </div>
  );
}

interface ChartPoint {
  /** the full label (tooltip) */
  label: string;
  /** the short label (axis) */
  run: string;
  value?: number | null;
  x?: number;
  y?: number;
}

/** One bar per run for one metric's last value; the value axis starts at zero. */
export function MetricBars({ runs, metric }: { runs: RunDetail[]; metric: string }) {
  const data: ChartPoint[] = runs.map((r) => ({
    label: runLabel(r),
    run: runAxisLabel(r),
    value: r.metrics[metric]?.last ?? null,
  }));
  return (
    <figure className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
      <figcaption className="mb-1 font-mono text-sm">{metric}</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis dataKey="run" tick={runs.length > 20 ? false : { fontSize: 10 }} />
          <YAxis tick={{ fontSize: 10 }} domain={barDomain(data.map((d) => d.value))} width={48} />
          <Tooltip content={<RunTooltip lines={(p) => [`${metric}: ${p.value ?? "—"}`]} />} />
          <Bar dataKey="value" name={metric} fill="#0369a1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** One metric (y) against one parameter (x), a dot per run; the tooltip names the run. */
export function MetricScatter({ runs, metric, param }: { runs: RunDetail[]; metric: string; param: string }) {
  const data: ChartPoint[] = runs.flatMap((r) => {
    const x = r.params[param];
    const y = r.metrics[metric]?.last;
    return typeof x === "number" && y !== undefined
      ? [{ x, y, label: runLabel(r), run: runAxisLabel(r) }]
      : [];
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
        <Tooltip content={<RunTooltip lines={(p) => [`${param}: ${p.x}`, `${metric}: ${p.y}`]} />} />
        <Scatter data={data} fill="#0369a1" isAnimationActive={false} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
