"use client";

import { useState } from "react";
import { runLabel } from "@/lib/experiments/run-label";
import type { RunDetail } from "@/lib/experiments/types";
import { formatValue } from "./run-values";

const colour = (t: number) => `hsl(${220 - 200 * t} 70% 45%)`;

/** The colour scale: which colour is the metric's lowest and highest value. */
function Legend({ metric, min, max }: { metric: string; min: number; max: number }) {
  return (
    <div className="flex items-center gap-2 text-xs" aria-label={`Colour: ${metric}`} role="group">
      <span>{metric}</span>
      <span>{formatValue(min)}</span>
      <span
        aria-hidden="true"
        className="h-2 w-32 rounded"
        style={{ background: `linear-gradient(to right, ${colour(0)}, ${colour(0.5)}, ${colour(1)})` }}
      />
      <span>{formatValue(max)}</span>
      <span className="text-slate-500">· hover a line to name its run</span>
    </div>
  );
}

const W = 880;
const H = 320;
const PAD = 40;

/** Parameters (numeric) against one metric: one polyline per run, coloured by the metric. */
export function ParallelCoordinates({
  runs,
  params,
  metric,
}: {
  runs: RunDetail[];
  params: string[];
  metric: string;
}) {
  const [hover, setHover] = useState<string | null>(null);
  const axes = [
    ...params.map((p) => ({ key: p, get: (r: RunDetail) => r.params[p] })),
    { key: metric, get: (r: RunDetail) => r.metrics[metric]?.last },
  ];
  if (axes.length < 2)
    return <p className="text-sm text-slate-500">Need at least one numeric parameter that varies.</p>;
  const ranges = axes.map((a) => {
    const vals = runs.map(a.get).filter((v): v is number => typeof v === "number");
    if (vals.length === 0) return { min: 0, span: 1 };
    const min = Math.min(...vals);
    const max = Math.max(...vals);
    return { min, span: max - min || 1 };
  });
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / (axes.length - 1);
  const y = (i: number, v: number) => {
    const r = ranges[i] ?? { min: 0, span: 1 };
    return H - PAD - ((v - r.min) / r.span) * (H - 2 * PAD);
  };
  const mRange = ranges[axes.length - 1] ?? { min: 0, span: 1 };
  const hovered = runs.find((r) => r.name === hover);
  return (
    <div className="space-y-1">
      <Legend metric={metric} min={mRange.min} max={mRange.min + mRange.span} />
      <p className="min-h-5 text-xs" aria-live="polite" data-testid="pc-hovered">
        {hovered ? `${runLabel(hovered)} · ${metric} ${formatValue(hovered.metrics[metric]?.last)}` : ""}
      </p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Parallel coordinates of parameters against ${metric}`}
        className="w-full"
      >
        {runs.map((r) => {
          const pts = axes.map((a, i) => {
            const v = a.get(r);
            return typeof v === "number" ? `${x(i)},${y(i, v)}` : null;
          });
          if (pts.some((p) => p === null)) return null;
          const m = r.metrics[metric]?.last ?? mRange.min;
          const t = (m - mRange.min) / mRange.span;
          return (
            <polyline
              key={r.name}
              points={pts.join(" ")}
              fill="none"
              stroke={colour(t)}
              strokeOpacity={hover === null ? 0.6 : hover === r.name ? 1 : 0.15}
              strokeWidth={hover === r.name ? 3 : 1.5}
              onMouseEnter={() => setHover(r.name)}
              onMouseLeave={() => setHover(null)}
              data-run={r.name}
            >
              <title>{`${runLabel(r)} · ${metric} ${formatValue(m)}`}</title>
            </polyline>
          );
        })}
        {axes.map((a, i) => (
          <g key={a.key}>
            <line x1={x(i)} x2={x(i)} y1={PAD} y2={H - PAD} stroke="currentColor" strokeOpacity={0.4} />
            <text x={x(i)} y={H - PAD + 16} textAnchor="middle" fontSize={11} fill="currentColor">
              {a.key}
            </text>
            <text x={x(i) + 4} y={PAD - 4} fontSize={9} fill="currentColor" opacity={0.7}>
              {formatValue((ranges[i]?.min ?? 0) + (ranges[i]?.span ?? 0))}
            </text>
            <text x={x(i) + 4} y={H - PAD - 4} fontSize={9} fill="currentColor" opacity={0.7}>
              {formatValue(ranges[i]?.min)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
