"use client";

import { useMemo } from "react";
import type { DefinitionStep } from "@/lib/pipelines/definition";
import { layoutGraph, NODE_H, NODE_W } from "@/lib/pipelines/graph";
import type { StepInfo } from "@/lib/sagemaker/pipelines/types";
import { STEP_COLOURS } from "./status-badge";

/** The step graph (dagre layout, SVG), coloured by step status; click a step to select it. */
export function StepGraph({
  definition,
  steps,
  selected,
  onSelect,
}: {
  definition: DefinitionStep[];
  steps: StepInfo[];
  selected: string | undefined;
  onSelect: (name: string) => void;
}) {
  // re-layout only when the set of steps changes; live status updates only recolour the nodes
  const namesKey = steps.map((s) => `${s.name}:${s.kind ?? ""}`).join("|");
  const structure = useMemo(
    () =>
      layoutGraph(
        definition,
        namesKey
          .split("|")
          .filter(Boolean)
          .map((k) => ({
            name: k.slice(0, k.lastIndexOf(":")),
            kind: k.slice(k.lastIndexOf(":") + 1) || undefined,
          })),
      ),
    [definition, namesKey],
  );
  const status = new Map(steps.map((s) => [s.name, s.status]));
  return (
    <div className="overflow-auto rounded border border-slate-200 dark:border-slate-800">
      <svg width={structure.width} height={structure.height} role="img" aria-label="Step graph">
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#94a3b8" />
          </marker>
        </defs>
        {structure.edges.map((e) => (
          <polyline
            key={`${e.from}->${e.to}`}
            points={e.points.map((p) => `${p.x},${p.y}`).join(" ")}
            fill="none"
            stroke="#94a3b8"
            markerEnd="url(#arrow)"
          />
        ))}
        {structure.nodes.map((n) => {
          const st = status.get(n.name) ?? "NotStarted";
          const c = STEP_COLOURS[st] ?? STEP_COLOURS.NotStarted;
          return (
            <g
              key={n.name}
              transform={`translate(${n.x - NODE_W / 2},${n.y - NODE_H / 2})`}
              onClick={() => onSelect(n.name)}
              className="cursor-pointer"
              data-testid={`step-${n.name}`}
              data-status={st}
              role="button"
              aria-label={`${n.name}: ${st}`}
            >
              <rect
                width={NODE_W}
                height={NODE_H}
                rx={8}
                fill={c?.fill}
                stroke={c?.stroke}
                strokeWidth={selected === n.name ? 3 : 1.5}
              />
              <text x={10} y={20} fontSize={13} fontWeight={600} fill="#0f172a">
                {n.name.length > 20 ? `${n.name.slice(0, 19)}…` : n.name}
              </text>
              <text x={10} y={38} fontSize={11} fill="#475569">
                {n.type} · {st === "NotStarted" ? "not started" : st}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
