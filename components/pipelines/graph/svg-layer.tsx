"use client";

import { memo } from "react";
import { NODE_H, NODE_W, type LayoutEdge, type LayoutNode } from "@/lib/pipelines/layout/step-layout";
import type { View } from "@/lib/pipelines/layout/viewport";
import { STEP_COLOURS } from "../status-badge";

const curve = (e: LayoutEdge) => {
  const [a, b] = e.points;
  if (!a || !b) return "";
  const mx = (a.x + b.x) / 2;
  return `M${a.x},${a.y} C${mx},${a.y} ${mx},${b.y} ${b.x},${b.y}`;
};

/** The visible edges (memoized: a selection or a status refresh leaves them alone). */
const Edges = memo(function Edges({ edges }: { edges: LayoutEdge[] }) {
  return (
    <>
      {edges.map((e) => (
        <path key={`${e.from}->${e.to}`} d={curve(e)} fill="none" stroke="#94a3b8" markerEnd="url(#arrow)" />
      ))}
    </>
  );
});

/** One step: a focusable button coloured by its status (memoized: a click re-renders two nodes, not all). */
const StepNode = memo(function StepNode({
  node: n,
  status: st,
  selected,
  onSelect,
}: {
  node: LayoutNode;
  status: string;
  selected: boolean;
  onSelect: (name: string) => void;
}) {
  const c = STEP_COLOURS[st] ?? STEP_COLOURS.NotStarted;
  return (
    <g
      transform={`translate(${n.x - NODE_W / 2},${n.y - NODE_H / 2})`}
      onClick={() => onSelect(n.name)}
      onKeyDown={(e) => {
        if (e.key !== "Enter" && e.key !== " ") return;
        e.preventDefault();
        onSelect(n.name);
      }}
      className="cursor-pointer focus:outline-none [&:focus-visible>rect]:stroke-sky-500"
      data-testid={`step-${n.name}`}
      data-status={st}
      data-selected={selected ? "true" : undefined}
      role="button"
      tabIndex={0}
      aria-label={`${n.name}: ${st}`}
      aria-pressed={selected}
    >
      <title>{`${n.name} (${n.type}): ${st}`}</title>
      <rect
        width={NODE_W}
        height={NODE_H}
        rx={8}
        fill={c?.fill}
        stroke={c?.stroke}
        strokeWidth={selected ? 3 : 1.5}
      />
      <text x={10} y={20} fontSize={13} fontWeight={600} fill="#0f172a">
        {n.name.length > 20 ? `${n.name.slice(0, 19)}…` : n.name}
      </text>
      <text x={10} y={38} fontSize={11} fill="#475569">
        {n.type} · {st === "NotStarted" ? "not started" : st}
      </text>
    </g>
  );
});

/** The visible part of the graph as SVG: each step a focusable button coloured by its status. */
export const SvgLayer = memo(function SvgLayer({
  nodes,
  edges,
  status,
  selected,
  view,
  width,
  height,
  onSelect,
}: {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  status: ReadonlyMap<string, string>;
  selected: string | undefined;
  view: View;
  width: number;
  height: number;
  onSelect: (name: string) => void;
}) {
  return (
    <svg width={width} height={height} role="group" aria-label="Step graph" className="block">
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
      <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
        <Edges edges={edges} />
        {nodes.map((n) => (
          <StepNode
            key={n.name}
            node={n}
            status={status.get(n.name) ?? "NotStarted"}
            selected={selected === n.name}
            onSelect={onSelect}
          />
        ))}
      </g>
    </svg>
  );
});
