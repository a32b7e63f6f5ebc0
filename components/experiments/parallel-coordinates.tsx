"use client";

import type { RunDetail } from "@/lib/experiments/types";
import { formatValue } from "./run-columns";

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
  return (
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
            stroke={`hsl(${220 - 200 * t} 70% 45%)`}
            strokeOpacity={0.6}
          >
            <title>{r.displayName}</title>
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
  );
}
