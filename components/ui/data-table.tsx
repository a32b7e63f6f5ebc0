"use client";

import { useState, type ReactNode } from "react";
import { DataRow, HeaderCell } from "./data-table-parts";
import { useColumnSizing } from "./data-table-sizing";
import type { DataAttrs, DataColumn, SortState } from "./data-table-types";
import type { VirtualBodyProps } from "./data-table-virtual";
import { lazyComponent } from "./lazy";
import { EmptyState, ErrorState, LoadingBlock } from "./states";

export type { DataAttrs, DataColumn, SortState } from "./data-table-types";

/**
 * The virtual body (react-virtual) is loaded only by the tables that ask for it (`virtualRowHeight`): the
 * other list pages' first load does without it (issue 18). The server still renders the rows in view.
 */
const LazyVirtualBody = lazyComponent(() =>
  import("./data-table-virtual").then(
    (m) => m.VirtualBody as (props: VirtualBodyProps<unknown>) => ReactNode,
  ),
);
function VirtualBody<T>(props: VirtualBodyProps<T>) {
  return <LazyVirtualBody {...(props as unknown as VirtualBodyProps<unknown>)} />;
}

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
  /**
   * columns with a text header get a resize handle (default; a control or matrix column, with an element as its
   * header, keeps its width); the widths are kept per table under `sizingKey` (default: `label`)
   */
  resizable?: boolean;
  sizingKey?: string;
}

/**
 * The one data table: a real `<table>` in a scroll box (sideways when the columns need more room, the row
 * separators running the full width; positioned, so absolutely positioned content such as sr-only texts is laid
 * out and clipped inside it instead of widening the page, issue 20), a sticky header, server-side sort from the
 * column definitions, resizable columns (data-table-sizing.tsx), optional row links and virtualization, and its
 * own loading, error and empty states.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, columns, rows, rowId, sort, onSort, loading, error, empty, maxHeight } = props;
  // state, not a ref: the virtual body renders again once the box exists (a child's effects run before a
  // parent's ref is set)
  const [scrollBox, setScrollBox] = useState<HTMLDivElement | null>(null);
  const sizing = useColumnSizing(props.sizingKey ?? label);
  if (loading)
    return <LoadingBlock rows={props.loadingRows} label={props.loadingLabel ?? `Loading ${label}`} />;
  if (error) return <ErrorState message={error.message} retry={error.retry} />;
  if (rows.length === 0) return <>{empty ?? <EmptyState title="Nothing to show" />}</>;
  const virtual = props.virtualRowHeight !== undefined && maxHeight !== undefined;
  return (
    <div
      ref={setScrollBox}
      className="relative overflow-auto rounded-md border border-slate-200 dark:border-slate-800"
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
              <HeaderCell
                key={c.id}
                column={c}
                sort={sort}
                onSort={onSort}
                width={sizing.width(c.id)}
                resizer={
                  props.resizable === false || typeof c.header !== "string"
                    ? null
                    : sizing.handle(c.id, c.header)
                }
              />
            ))}
          </tr>
        </thead>
        {virtual ? (
          <VirtualBody
            {...props}
            rowHeight={props.virtualRowHeight ?? 40}
            scrollBox={scrollBox}
            widthOf={sizing.width}
          />
        ) : (
          <tbody>
            {rows.map((r) => (
              <DataRow
                key={rowId(r)}
                row={r}
                columns={columns}
                widthOf={sizing.width}
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
