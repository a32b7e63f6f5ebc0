"use client";

import {
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type TouchEvent as ReactTouchEvent,
} from "react";
import { flushSync } from "react-dom";

/**
 * Resizable columns for the data table: widths in px per column id (a drag follows the pointer live, arrow keys
 * step, a double-click resets), kept per table in localStorage (`sagedeck:column-widths:<table>`). A column
 * nobody resized keeps the width its definition and content give it. Hand-written (no table library): it is on
 * every list page's first load (issue 18).
 */

/** column id → width in px */
type ColumnSizingState = Record<string, number>;

const PREFIX = "sagedeck:column-widths:";
const MIN = 48;
const MAX = 1600;
const STEP = 16;
const EMPTY: ColumnSizingState = {};

const listeners = new Set<() => void>();
const snapshots = new Map<string, { raw: string | null; value: ColumnSizingState }>();

function parse(raw: string | null): ColumnSizingState {
  if (!raw) return EMPTY;
  try {
    const v: unknown = JSON.parse(raw);
    if (!v || typeof v !== "object") return EMPTY;
    const out: ColumnSizingState = {};
    for (const [id, px] of Object.entries(v))
      if (typeof px === "number" && Number.isFinite(px)) out[id] = Math.min(MAX, Math.max(MIN, px));
    return out;
  } catch {
    return EMPTY;
  }
}

/** The stored widths of one table (the same object while the stored text is the same, as React requires). */
function read(key: string): ColumnSizingState {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(PREFIX + key);
  } catch {
    raw = null; // storage off (private mode, policy): widths last as long as the page
  }
  const hit = snapshots.get(key);
  if (hit && hit.raw === raw) return hit.value;
  const value = parse(raw);
  snapshots.set(key, { raw, value });
  return value;
}

function write(key: string, value: ColumnSizingState) {
  const raw = Object.keys(value).length ? JSON.stringify(value) : null;
  try {
    if (raw) window.localStorage.setItem(PREFIX + key, raw);
    else window.localStorage.removeItem(PREFIX + key);
  } catch {
    // storage off: keep the widths in memory only
  }
  snapshots.set(key, { raw, value });
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener); // another tab resized the same table
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

const clamp = (px: number) => Math.min(MAX, Math.max(MIN, Math.round(px)));

/** The table's column sizing: the stored widths and their handles, persisted under `key`. */
export function useColumnSizing(key: string) {
  const sizing = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => EMPTY, // the server renders the default widths; the stored ones follow after hydration
  );
  const setWidth = (id: string, px: number) => write(key, { ...read(key), [id]: clamp(px) });
  const reset = (id: string) => {
    const { [id]: _gone, ...rest } = read(key);
    write(key, rest);
  };
  return {
    /** the width (px) the user gave a column, when they gave one */
    width: (id: string): number | undefined => sizing[id],
    /** the column's resize handle (drag, arrow keys, double-click to reset) */
    handle: (id: string, label: string) => (
      <ResizeHandle
        label={label}
        size={sizing[id]}
        setWidth={(px) => setWidth(id, px)}
        reset={() => reset(id)}
      />
    ),
  };
}

/** The rendered width of the handle's header cell. */
const cellWidth = (el: Element) => el.closest("th")?.getBoundingClientRect().width ?? MIN;

const clientX = (ev: MouseEvent | TouchEvent): number | undefined =>
  "touches" in ev ? ev.touches[0]?.clientX : ev.clientX;

function ResizeHandle({
  label,
  size,
  setWidth,
  reset,
}: {
  label: string;
  /** the width the user gave the column; undefined: it has its natural width */
  size: number | undefined;
  setWidth: (px: number) => void;
  reset: () => void;
}) {
  const [resizing, setResizing] = useState(false);
  const sized = size !== undefined;
  // a drag starts from the width the column has on screen (a column nobody resized gets it first, flushed) and
  // follows the pointer until it is released
  const drag = (ev: ReactMouseEvent<HTMLDivElement> | ReactTouchEvent<HTMLDivElement>) => {
    const from = sized ? size : cellWidth(ev.currentTarget);
    if (!sized) flushSync(() => setWidth(from));
    const startX = clientX(ev.nativeEvent);
    if (startX === undefined) return;
    const touch = "touches" in ev.nativeEvent;
    const move = (e: MouseEvent | TouchEvent) => {
      const x = clientX(e);
      if (x !== undefined) setWidth(from + x - startX);
    };
    const end = () => {
      setResizing(false);
      document.removeEventListener(touch ? "touchmove" : "mousemove", move);
      document.removeEventListener(touch ? "touchend" : "mouseup", end);
    };
    setResizing(true);
    document.addEventListener(touch ? "touchmove" : "mousemove", move);
    document.addEventListener(touch ? "touchend" : "mouseup", end);
  };
  const keys = (ev: KeyboardEvent<HTMLDivElement>) => {
    const delta = ev.key === "ArrowLeft" ? -STEP : ev.key === "ArrowRight" ? STEP : 0;
    if (delta === 0) return;
    ev.preventDefault();
    setWidth((sized ? size : cellWidth(ev.currentTarget)) + delta);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${label}`}
      aria-valuenow={sized ? Math.round(size) : undefined}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      tabIndex={0}
      title="Drag to resize; double-click to reset"
      onMouseDown={drag}
      onTouchStart={drag}
      onDoubleClick={reset}
      onKeyDown={keys}
      onClick={(ev) => ev.stopPropagation()}
      className={`absolute top-0 right-0 h-full w-1.5 cursor-col-resize touch-none select-none hover:bg-sky-400 focus-visible:bg-sky-500 focus-visible:outline-none ${resizing ? "bg-sky-500" : ""}`}
    />
  );
}
