"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, type ReactNode } from "react";

export interface DataColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** CSS grid track, e.g. "12rem" or "minmax(8rem,1fr)"; default 10rem */
  width?: string;
  sortable?: boolean;
  align?: "left" | "right";
}

export interface SortState {
  id: string;
  dir: "asc" | "desc";
}

/**
 * A generic virtualized table (only the visible rows are in the DOM). Sorting is the parent's job
 * (server-side): clicking a sortable header calls onSort. ARIA table roles keep it accessible.
 */
export function DataTable<T>({
  columns,
  rows,
  rowId,
  sort,
  onSort,
  label,
  height = 560,
  rowHeight = 40,
}: {
  columns: DataColumn<T>[];
  rows: T[];
  rowId: (row: T) => string;
  sort?: SortState;
  onSort?: (id: string) => void;
  label: string;
  height?: number;
  rowHeight?: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- react-virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const template = columns.map((c) => c.width ?? "10rem").join(" ");
  const cellCls = "truncate px-3 py-2 text-sm";
  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className="overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
      style={{ maxHeight: height }}
    >
      <div
        role="row"
        className="sticky top-0 z-10 grid w-max min-w-full border-b border-slate-200 bg-slate-50 font-medium dark:border-slate-800 dark:bg-slate-900"
        style={{ gridTemplateColumns: template }}
      >
        {columns.map((c) => {
          const active = sort?.id === c.id;
          const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : "none";
          return (
            <div
              key={c.id}
              role="columnheader"
              aria-sort={c.sortable ? ariaSort : undefined}
              className={cellCls}
            >
              {c.sortable && onSort ? (
                <button
                  type="button"
                  onClick={() => onSort(c.id)}
                  className={`inline-flex w-full gap-1 hover:underline ${c.align === "right" ? "justify-end" : ""}`}
                >
                  {c.header}
                  <span aria-hidden>{active ? (sort.dir === "asc" ? "▲" : "▼") : ""}</span>
                </button>
              ) : (
                c.header
              )}
            </div>
          );
        })}
      </div>
      <div className="relative w-max min-w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (row === undefined) return null;
          return (
            <div
              key={rowId(row)}
              role="row"
              aria-rowindex={v.index + 2}
              className="absolute left-0 grid w-full border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
              style={{ gridTemplateColumns: template, height: v.size, transform: `translateY(${v.start}px)` }}
            >
              {columns.map((c) => (
                <div
                  key={c.id}
                  role="cell"
                  className={`${cellCls} ${c.align === "right" ? "text-right tabular-nums" : ""}`}
                >
                  {c.cell(row)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
