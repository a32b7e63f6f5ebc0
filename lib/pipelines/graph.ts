/**
 * The step graph: nodes from the definition merged with the steps that ran, laid out left to right by
 * `layout/` (layered, cached by structure). `layoutGraph` adds each step's status for callers that want it in
 * one object; the page uses `stepLayout` and colours nodes from the live statuses.
 */
import type { DefinitionStep } from "./definition";
import { type RanStep, stepLayout } from "./layout/step-layout";

export { NODE_H, NODE_W, stepLayout, stepStructure } from "./layout/step-layout";
export type { LayoutEdge, LayoutNode, RanStep, StepLayout } from "./layout/step-layout";

export interface GraphNode {
  name: string;
  type: string;
  status: string;
  x: number;
  y: number;
}
export interface GraphEdge {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}
export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

export function layoutGraph(definition: DefinitionStep[], steps: RanStep[]): GraphLayout {
  const layout = stepLayout(definition, steps);
  const status = new Map(steps.map((s) => [s.name, s.status]));
  return {
    nodes: layout.nodes.map((n) => ({
      name: n.name,
      type: n.type,
      status: status.get(n.name) ?? "NotStarted",
      x: n.x,
      y: n.y,
    })),
    edges: layout.edges,
    width: layout.width,
    height: layout.height,
  };
}
