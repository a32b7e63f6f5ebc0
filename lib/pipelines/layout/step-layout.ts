/**
 * The step graph's layout, cached by its structure: step names, types and edges. A refresh that only changes
 * statuses (or adds steps the definition already had) finds the same key and gets the same object back, so the
 * page recolours nodes and never lays the graph out again.
 */
import type { StepInfo } from "@/lib/sagemaker/pipelines/types";
import type { DefinitionStep } from "../definition";
import { layeredLayout } from "./layered";

export const NODE_W = 168;
export const NODE_H = 48;
const OPTIONS = { nodeW: NODE_W, nodeH: NODE_H, rankSep: 48, nodeSep: 24, margin: 8 };

/** Steps that ran: only their names (and metadata kind, for steps missing from the definition) matter here. */
export type RanStep = Pick<StepInfo, "name"> & Partial<Pick<StepInfo, "kind" | "status">>;

export interface LayoutNode {
  name: string;
  type: string;
  layer: number;
  /** centre */
  x: number;
  y: number;
}
export interface LayoutEdge {
  from: string;
  to: string;
  /** from the right side of `from` to the left side of `to` */
  points: { x: number; y: number }[];
}
export interface StepLayout {
  key: string;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
}

export interface StepStructure {
  key: string;
  names: string[];
  types: string[];
  edges: [number, number][];
}

/** Nodes: the definition's steps, then steps that ran without being in it; edges from DependsOn. */
export function stepStructure(
  definition: readonly DefinitionStep[],
  steps: readonly RanStep[],
): StepStructure {
  const index = new Map<string, number>();
  const names: string[] = [];
  const types: string[] = [];
  const add = (name: string, type: string) => {
    if (index.has(name)) return;
    index.set(name, names.length);
    names.push(name);
    types.push(type);
  };
  for (const d of definition) add(d.name, d.type);
  for (const s of steps) add(s.name, s.kind ?? "Step");
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (const d of definition) {
    const to = index.get(d.name);
    for (const dep of d.dependsOn) {
      const from = index.get(dep);
      if (from === undefined || to === undefined || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      edges.push([from, to]);
    }
  }
  const key = `${names.map((n, i) => `${n}:${types[i]}`).join("\n")}\n#${edges.map(([a, b]) => `${a}>${b}`).join(",")}`;
  return { key, names, types, edges };
}

/** Lays a structure out (uncached; the page uses `stepLayout`). */
export function layoutOf(s: StepStructure): StepLayout {
  const l = layeredLayout(s.names.length, s.edges, OPTIONS);
  const nodes = s.names.map((name, i): LayoutNode => ({
    name,
    type: s.types[i] ?? "Step",
    layer: l.layers[i] ?? 0,
    x: l.xs[i] ?? 0,
    y: l.ys[i] ?? 0,
  }));
  const edges = s.edges.map(([a, b]): LayoutEdge => {
    const from = nodes[a] as LayoutNode;
    const to = nodes[b] as LayoutNode;
    return {
      from: from.name,
      to: to.name,
      points: [
        { x: from.x + NODE_W / 2, y: from.y },
        { x: to.x - NODE_W / 2, y: to.y },
      ],
    };
  });
  return { key: s.key, nodes, edges, width: l.width, height: l.height };
}

const CACHE_SIZE = 8;
const cache = new Map<string, StepLayout>();

/** The layout of this structure, computed once per distinct structure (a small LRU of recent ones). */
export function stepLayout(definition: readonly DefinitionStep[], steps: readonly RanStep[]): StepLayout {
  const s = stepStructure(definition, steps);
  const hit = cache.get(s.key);
  if (hit) {
    cache.delete(s.key);
    cache.set(s.key, hit);
    return hit;
  }
  const layout = layoutOf(s);
  cache.set(s.key, layout);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return layout;
}
