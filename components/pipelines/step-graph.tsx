"use client";

import { memo, useCallback, useEffect, useMemo, useRef } from "react";
import type { DefinitionStep } from "@/lib/pipelines/definition";
import { stepLayout } from "@/lib/pipelines/layout/step-layout";
import {
  centreOn,
  fitView,
  nodeAt,
  PAD,
  READABLE_K,
  TOOLBAR,
  visibleParts,
} from "@/lib/pipelines/layout/viewport";
import type { StepInfo } from "@/lib/sagemaker/pipelines/types";
import { GraphControls } from "./graph/controls";
import { drawGraph } from "./graph/draw";
import { Minimap } from "./graph/minimap";
import { SvgLayer } from "./graph/svg-layer";
import { useGraphView } from "./graph/use-view";

/** Graphs bigger than this are drawn on a canvas when zoomed out below LABEL_K (labels unreadable anyway). */
const DOM_LIMIT = 300;
const LABEL_K = 0.35;
/** Graphs with more steps than this get a minimap. */
const MINIMAP_FROM = 40;

/**
 * The step graph, coloured by step status; click a step to select it. Layout is layered and cached by the
 * graph's structure (a status refresh only recolours); only the steps in view are in the DOM; fit to view, or
 * for big graphs a readable zoom on the failed step, with zoom, pan and a minimap.
 */
export const StepGraph = memo(function StepGraph({
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
  const layout = useMemo(() => stepLayout(definition, steps), [definition, steps]);
  const status = useMemo(() => new Map(steps.map((s) => [s.name, s.status])), [steps]);
  const failed = useMemo(() => layout.nodes.find((n) => status.get(n.name) === "Failed"), [layout, status]);
  const focus = failed ?? layout.nodes.find((n) => status.get(n.name) === "Executing");
  const g = useGraphView(layout, focus);
  const { view, size } = g;
  const canvasMode = !!view && view.k < LABEL_K && layout.nodes.length > DOM_LIMIT;
  const parts = useMemo(
    () => (view && !canvasMode ? visibleParts(layout, view, size) : { nodes: [], edges: [] }),
    [layout, view, size, canvasMode],
  );
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvasMode && view && canvas.current)
      drawGraph(canvas.current, layout, status, view, size.w, size.h, { edges: true, selected });
  }, [canvasMode, layout, status, view, size, selected]);

  const { consumeDrag } = g;
  const select = useCallback(
    (name: string) => {
      if (!consumeDrag()) onSelect(name);
    },
    [consumeDrag, onSelect],
  );
  const onCanvasClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    if (g.consumeDrag() || !view) return;
    const r = e.currentTarget.getBoundingClientRect();
    const n = nodeAt(layout, (e.clientX - r.left - view.x) / view.k, (e.clientY - r.top - view.y) / view.k);
    if (!n) return;
    onSelect(n.name);
    g.set(centreOn(n, READABLE_K, size));
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => g.pan(60, 0),
      ArrowRight: () => g.pan(-60, 0),
      ArrowUp: () => g.pan(0, 60),
      ArrowDown: () => g.pan(0, -60),
      "+": () => g.zoom(1.25),
      "=": () => g.zoom(1.25),
      "-": () => g.zoom(0.8),
      "0": () => g.set(fitView(layout, size)),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };
  const wholeInView =
    !!view &&
    view.x >= -1 &&
    view.y >= -1 &&
    view.x + layout.width * view.k <= size.w + 1 &&
    view.y + layout.height * view.k <= size.h + 1;
  // tall enough for the whole graph at the width's fit scale (within 220–560 px)
  const fitH =
    layout.height * Math.min(1, (Math.max(size.w, 320) - 2 * PAD) / Math.max(1, layout.width)) +
    PAD +
    TOOLBAR;
  const height = Math.round(Math.min(560, Math.max(220, fitH)));

  return (
    <div className="space-y-1" data-testid="step-graph" data-steps={layout.nodes.length}>
      <div
        ref={g.ref}
        data-testid="step-graph-viewport"
        className="relative touch-none overflow-hidden rounded border border-slate-200 select-none focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-800"
        style={{ height, cursor: "grab" }}
        tabIndex={0}
        aria-label="Step graph: arrow keys pan, + and − zoom, 0 fits the whole graph"
        onKeyDown={onKeyDown}
        {...g.handlers}
      >
        {view && canvasMode ? (
          <canvas
            ref={canvas}
            role="img"
            aria-label={`Step graph overview: ${layout.nodes.length} steps; zoom in or click a step for its name`}
            style={{ width: size.w, height: size.h }}
            onClick={onCanvasClick}
          />
        ) : null}
        {view && !canvasMode ? (
          <SvgLayer
            nodes={parts.nodes}
            edges={parts.edges}
            status={status}
            selected={selected}
            view={view}
            width={size.w}
            height={size.h}
            onSelect={select}
          />
        ) : null}
        {view ? (
          <GraphControls
            zoom={g.zoom}
            pan={g.pan}
            fit={() => g.set(fitView(layout, size))}
            showFailed={
              failed ? () => g.set(centreOn(failed, Math.max(view.k, READABLE_K), size)) : undefined
            }
            scale={view.k}
          />
        ) : null}
        {view && layout.nodes.length > MINIMAP_FROM && !wholeInView ? (
          <Minimap layout={layout} status={status} view={view} size={size} onMove={g.set} />
        ) : null}
      </div>
      <p className="text-xs text-slate-500">
        {layout.nodes.length} steps · drag or use the arrows to pan, the wheel or +/− to zoom
        {canvasMode ? " · zoom in to read step names" : ""}
      </p>
    </div>
  );
});
