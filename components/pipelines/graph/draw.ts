import type { StepLayout } from "@/lib/pipelines/layout/step-layout";
import { NODE_H, NODE_W } from "@/lib/pipelines/layout/step-layout";
import type { View } from "@/lib/pipelines/layout/viewport";
import { STEP_COLOURS } from "../status-badge";

const NOT_STARTED = { fill: "#f8fafc", stroke: "#94a3b8" };

/**
 * Draws the whole graph on a canvas (the overview when zoomed out, and the minimap): one element instead of
 * thousands of SVG nodes. Boxes coloured by status; edges as straight lines; no labels.
 */
export function drawGraph(
  canvas: HTMLCanvasElement,
  layout: StepLayout,
  status: ReadonlyMap<string, string>,
  view: View,
  cssW: number,
  cssH: number,
  opts: { edges: boolean; selected?: string },
): CanvasRenderingContext2D | undefined {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(cssW * dpr);
  const h = Math.round(cssH * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext("2d");
  if (!ctx) return undefined;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.setTransform(dpr * view.k, 0, 0, dpr * view.k, dpr * view.x, dpr * view.y);
  if (opts.edges) {
    ctx.strokeStyle = "#94a3b8";
    ctx.lineWidth = 1 / view.k;
    ctx.beginPath();
    for (const e of layout.edges) {
      const [a, b] = e.points;
      if (!a || !b) continue;
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.stroke();
  }
  // one fill per colour: few state changes
  const groups = new Map<string, { x: number; y: number }[]>();
  for (const n of layout.nodes) {
    const st = status.get(n.name) ?? "NotStarted";
    const list = groups.get(st) ?? [];
    list.push(n);
    groups.set(st, list);
  }
  const minPx = 1 / view.k;
  for (const [st, nodes] of groups) {
    const c = STEP_COLOURS[st] ?? NOT_STARTED;
    ctx.fillStyle = st === "NotStarted" ? "#cbd5e1" : c.stroke;
    for (const n of nodes)
      ctx.fillRect(n.x - NODE_W / 2, n.y - NODE_H / 2, Math.max(minPx, NODE_W), Math.max(minPx, NODE_H));
  }
  const sel = opts.selected ? layout.nodes.find((n) => n.name === opts.selected) : undefined;
  if (sel) {
    ctx.strokeStyle = "#0f172a";
    ctx.lineWidth = 3 / view.k;
    ctx.strokeRect(sel.x - NODE_W / 2, sel.y - NODE_H / 2, NODE_W, NODE_H);
  }
  return ctx;
}
