/** The step graph layout as it was before issue 18 (dagre), kept for bench/pipelines.ts to compare against. */
import dagre from "@dagrejs/dagre";
import type { DefinitionStep } from "@/lib/pipelines/definition";
import {
  NODE_H,
  NODE_W,
  type GraphEdge,
  type GraphLayout,
  type GraphNode,
  type RanStep,
} from "@/lib/pipelines/graph";

/** The same nodes, edges and sizes as lib/pipelines/graph's layout, placed by dagre. */
export function dagreLayout(definition: DefinitionStep[], steps: RanStep[]): GraphLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 48, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const ran = new Map(steps.map((s) => [s.name, s]));
  const names = new Set<string>([...definition.map((d) => d.name), ...steps.map((s) => s.name)]);
  for (const n of names) g.setNode(n, { width: NODE_W, height: NODE_H });
  for (const d of definition) for (const dep of d.dependsOn) if (names.has(dep)) g.setEdge(dep, d.name);
  dagre.layout(g);
  const types = new Map(definition.map((d) => [d.name, d.type]));
  const nodes = [...names].map((name): GraphNode => {
    const n = g.node(name) as { x: number; y: number };
    return {
      name,
      type: types.get(name) ?? ran.get(name)?.kind ?? "Step",
      status: ran.get(name)?.status ?? "NotStarted",
      x: n.x,
      y: n.y,
    };
  });
  const edges = g.edges().map((e): GraphEdge => ({
    from: e.v,
    to: e.w,
    points: (g.edge(e) as { points?: { x: number; y: number }[] }).points ?? [],
  }));
  const graph = g.graph() as { width?: number; height?: number };
  return { nodes, edges, width: graph.width ?? 0, height: graph.height ?? 0 };
}
