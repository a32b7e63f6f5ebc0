/**
 * Pan and zoom arithmetic for the step graph, pure. A view maps graph coordinates to screen pixels:
 * screen = graph × k + (x, y).
 */
import type { LayoutNode, StepLayout } from "./step-layout";
import { NODE_H, NODE_W } from "./step-layout";

export interface View {
  k: number;
  x: number;
  y: number;
}
export interface Size {
  w: number;
  h: number;
}

/** Below this scale step labels are unreadable: big graphs open at READABLE_K around their failed step. */
export const READABLE_K = 0.6;
export const MAX_K = 2;
/** Space kept around the fitted graph, and above it for the zoom/pan toolbar (steps never sit under it). */
export const PAD = 16;
export const TOOLBAR = 40;

export function fitView(layout: Pick<StepLayout, "width" | "height">, size: Size): View {
  const k = Math.min(
    1,
    (size.w - 2 * PAD) / Math.max(1, layout.width),
    (size.h - PAD - TOOLBAR) / Math.max(1, layout.height),
  );
  return {
    k,
    x: (size.w - layout.width * k) / 2,
    y: TOOLBAR + (size.h - TOOLBAR - PAD - layout.height * k) / 2,
  };
}

/** The smallest zoom: the whole graph in view (never more than 1). */
export const minK = (layout: Pick<StepLayout, "width" | "height">, size: Size) =>
  Math.min(fitView(layout, size).k, 1);

export function centreOn(node: Pick<LayoutNode, "x" | "y">, k: number, size: Size): View {
  return { k, x: size.w / 2 - node.x * k, y: size.h / 2 - node.y * k };
}

/**
 * The opening view: the whole graph when it is readable that way; otherwise a readable zoom centred on the
 * failed step, else on the first running one, else on the first step.
 */
export function initialView(layout: StepLayout, size: Size, focus: LayoutNode | undefined): View {
  const fit = fitView(layout, size);
  if (fit.k >= READABLE_K) return fit;
  const target = focus ?? layout.nodes[0];
  return target ? centreOn(target, READABLE_K, size) : fit;
}

/** Zoom by `factor` keeping the screen point (px, py) still, within [minK, MAX_K]. */
export function zoomAt(v: View, factor: number, px: number, py: number, lo: number): View {
  const k = Math.min(MAX_K, Math.max(lo, v.k * factor));
  const f = k / v.k;
  return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
}

/** The graph rectangle on screen, plus a margin in screen pixels. */
export function visibleRect(v: View, size: Size, margin = 64) {
  return {
    x0: (-margin - v.x) / v.k,
    y0: (-margin - v.y) / v.k,
    x1: (size.w + margin - v.x) / v.k,
    y1: (size.h + margin - v.y) / v.k,
  };
}

/** Nodes whose box meets the visible rectangle, and edges with a bounding box that does. */
export function visibleParts(layout: StepLayout, v: View, size: Size) {
  const r = visibleRect(v, size);
  const nodes = layout.nodes.filter(
    (n) =>
      n.x + NODE_W / 2 >= r.x0 &&
      n.x - NODE_W / 2 <= r.x1 &&
      n.y + NODE_H / 2 >= r.y0 &&
      n.y - NODE_H / 2 <= r.y1,
  );
  const edges = layout.edges.filter((e) => {
    const [a, b] = e.points;
    if (!a || !b) return false;
    return (
      Math.max(a.x, b.x) >= r.x0 &&
      Math.min(a.x, b.x) <= r.x1 &&
      Math.max(a.y, b.y) >= r.y0 &&
      Math.min(a.y, b.y) <= r.y1
    );
  });
  return { nodes, edges };
}

/** The node under a graph-coordinate point, or none. */
export function nodeAt(layout: StepLayout, gx: number, gy: number): LayoutNode | undefined {
  return layout.nodes.find((n) => Math.abs(gx - n.x) <= NODE_W / 2 && Math.abs(gy - n.y) <= NODE_H / 2);
}
