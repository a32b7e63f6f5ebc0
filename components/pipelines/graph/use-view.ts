"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LayoutNode, StepLayout } from "@/lib/pipelines/layout/step-layout";
import { initialView, minK, type Size, type View, zoomAt } from "@/lib/pipelines/layout/viewport";

/**
 * The graph's pan/zoom state. Until the user moves the view it is derived (fit, or the failed step centred),
 * so a resize or a newly failed step re-frames it; after that it is the user's, until the structure changes.
 */
export function useGraphView(layout: StepLayout, focus: LayoutNode | undefined) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size>({ w: 0, h: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const r = entries[0]?.contentRect;
      if (r) setSize((s) => (s.w === r.width && s.h === r.height ? s : { w: r.width, h: r.height }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const [own, setOwn] = useState<{ key: string; view: View } | undefined>();
  const derived = size.w > 0 ? initialView(layout, size, focus) : undefined;
  const view = own && own.key === layout.key ? own.view : derived;
  const lo = minK(layout, size);

  const update = useCallback(
    (f: (v: View) => View) =>
      setOwn((prev) => {
        const base = prev && prev.key === layout.key ? prev.view : view;
        return base ? { key: layout.key, view: f(base) } : prev;
      }),
    [layout.key, view],
  );
  const zoom = useCallback(
    (factor: number, px = size.w / 2, py = size.h / 2) => update((v) => zoomAt(v, factor, px, py, lo)),
    [update, size, lo],
  );
  const pan = useCallback(
    (dx: number, dy: number) => update((v) => ({ ...v, x: v.x + dx, y: v.y + dy })),
    [update],
  );
  const set = useCallback((v: View) => update(() => v), [update]);

  // the wheel zooms around the pointer (a native listener: React's wheel handler cannot preventDefault)
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      zoom(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [zoom]);

  // drag to pan; a drag that moved more than 3 px swallows the click that ends it
  const drag = useRef<{ id: number; sx: number; sy: number; v: View; moved: boolean } | undefined>(undefined);
  const dragged = useRef(false);
  const onPointerDown = useCallback(
    (e: React.PointerEvent) => {
      if (e.button !== 0 || !view || (e.target as Element).closest("[data-graph-control]")) return;
      drag.current = { id: e.pointerId, sx: e.clientX, sy: e.clientY, v: view, moved: false };
      dragged.current = false;
    },
    [view],
  );
  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      const dx = e.clientX - d.sx;
      const dy = e.clientY - d.sy;
      if (!d.moved && Math.hypot(dx, dy) < 3) return;
      if (!d.moved) {
        d.moved = true;
        dragged.current = true;
        ref.current?.setPointerCapture(e.pointerId);
      }
      set({ ...d.v, x: d.v.x + dx, y: d.v.y + dy });
    },
    [set],
  );
  const onPointerUp = useCallback((e: React.PointerEvent) => {
    if (drag.current?.id === e.pointerId) drag.current = undefined;
  }, []);
  /** True once, right after a drag: the click it produces is not a selection. */
  const consumeDrag = useCallback(() => {
    const d = dragged.current;
    dragged.current = false;
    return d;
  }, []);

  return {
    ref,
    size,
    view,
    minK: lo,
    zoom,
    pan,
    set,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
    consumeDrag,
  };
}
