"use client";

import { useEffect, useRef } from "react";
import type { StepLayout } from "@/lib/pipelines/layout/step-layout";
import { centreOn, type Size, type View } from "@/lib/pipelines/layout/viewport";
import { drawGraph } from "./draw";

const MAX_W = 180;
const MAX_H = 140;

/** The whole graph in miniature with the visible part framed; click or drag in it to move the view there. */
export function Minimap({
  layout,
  status,
  view,
  size,
  onMove,
}: {
  layout: StepLayout;
  status: ReadonlyMap<string, string>;
  view: View;
  size: Size;
  onMove: (v: View) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const m = Math.min(MAX_W / Math.max(1, layout.width), MAX_H / Math.max(1, layout.height));
  const w = Math.max(24, Math.round(layout.width * m));
  const h = Math.max(24, Math.round(layout.height * m));
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ctx = drawGraph(c, layout, status, { k: m, x: 0, y: 0 }, w, h, { edges: false });
    if (!ctx) return;
    // the main view's rectangle, in graph coordinates
    ctx.strokeStyle = "#0284c7";
    ctx.lineWidth = 2 / m;
    ctx.strokeRect(-view.x / view.k, -view.y / view.k, size.w / view.k, size.h / view.k);
  }, [layout, status, view, size, m, w, h]);
  const moveTo = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    onMove(centreOn({ x: (e.clientX - r.left) / m, y: (e.clientY - r.top) / m }, view.k, size));
  };
  return (
    <canvas
      ref={canvas}
      data-graph-control
      data-testid="step-graph-minimap"
      aria-hidden="true"
      className="absolute right-2 bottom-2 cursor-crosshair rounded border border-slate-300 bg-white/90 shadow-sm dark:border-slate-700 dark:bg-slate-900/90"
      style={{ width: w, height: h }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) moveTo(e);
      }}
    />
  );
}
