"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useState, type ReactNode } from "react";
import { DataRow, HeaderCell, SpacerRow } from "./data-table-parts";
import type { DataAttrs, DataColumn, SortState } from "./data-table-types";
import { EmptyState, ErrorState, LoadingBlock } from "./states";

export type { DataAttrs, DataColumn, SortState } from "./data-table-types";

export interface DataTableProps<T> {
  /** the table's accessible name */
  label: string;
  columns: DataColumn<T>[];
  rows: T[];
  rowId: (row: T) => string;
  /** server-side sort: the table shows `sort` and reports header clicks; the parent fetches */
  sort?: SortState;
  onSort?: (id: string) => void;
  /** the row's own page: a click on the row (outside its controls) opens it */
  rowHref?: (row: T) => string | undefined;
  rowProps?: (row: T) => DataAttrs;
  loading?: boolean;
  loadingLabel?: string;
  loadingRows?: number;
  error?: { message: string; retry?: () => void } | null;
  /** shown instead of the table when there are no rows */
  empty?: ReactNode;
  /** scroll inside the table beyond this height (px), the header staying put */
  maxHeight?: number;
  /** render only the rows in view (needs maxHeight); the estimate of one row's height in px */
  virtualRowHeight?: number;
  className?: string;
}

/**
 * The one data table: a real `<table>` in a scroll box (sideways when the columns need more room, the
 * row separators running the full width), a sticky header, server-side sort from the column
 * definitions, optional row links and virtualization, and its own loading, error and empty states.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, columns, rows, rowId, sort, onSort, loading, error, empty, maxHeight } = props;
  // state, not a ref: the virtual body renders again once the box exists (a child's effects run before a
  // parent's ref is set)
  const [scrollBox, setScrollBox] = useState<HTMLDivElement | null>(null);
  if (loading)
    return <LoadingBlock rows={props.loadingRows} label={props.loadingLabel ?? `Loading ${label}`} />;
  if (error) return <ErrorState message={error.message} retry={error.retry} />;
  if (rows.length === 0) return <>{empty ?? <EmptyState title="Nothing to show" />}</>;
  const virtual = props.virtualRowHeight !== undefined && maxHeight !== undefined;
  return (
    <div
      ref={setScrollBox}
      className="overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
      style={{ maxHeight }}
    >
      <table
        aria-label={label}
        aria-rowcount={virtual ? rows.length + 1 : undefined}
        className={`w-full border-separate border-spacing-0 text-left text-sm ${props.className ?? ""}`}
      >
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            {columns.map((c) => (
              <HeaderCell key={c.id} column={c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        {virtual ? (
          <VirtualBody {...props} rowHeight={props.virtualRowHeight ?? 40} scrollBox={scrollBox} />
        ) : (
          <tbody>
            {rows.map((r) => (
              <DataRow
                key={rowId(r)}
                row={r}
                columns={columns}
                href={props.rowHref?.(r)}
                attrs={props.rowProps?.(r)}
              />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

function VirtualBody<T>({
  rows,
  columns,
  rowId,
  rowHref,
  rowProps,
  rowHeight,
  scrollBox,
}: DataTableProps<T> & { rowHeight: number; scrollBox: HTMLDivElement | null }) {
  // eslint-disable-next-line react-hooks/incompatible-library -- react-virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollBox,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <tbody>
      <SpacerRow height={top} span={columns.length} />
      {items.map((v) => {
        const row = rows[v.index];
        if (row === undefined) return null;
        return (
          <DataRow
            key={rowId(row)}
            row={row}
            columns={columns}
            index={v.index}
            rowRef={virtualizer.measureElement}
            href={rowHref?.(row)}
            attrs={rowProps?.(row)}
          />
        );
      })}
      <SpacerRow height={bottom} span={columns.length} />
    </tbody>
  );
}
