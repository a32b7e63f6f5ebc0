"use client";

import { useRouter } from "next/navigation";
import type { CSSProperties, MouseEvent, ReactNode, Ref } from "react";
import type { DataAttrs, DataColumn, SortState } from "./data-table-types";

const PAD = "px-3 py-2";
const STICKY_LEFT = "sticky left-0 bg-inherit";

/** A column the user resized: exactly that wide (px). */
const fixed = (px: number): CSSProperties => ({ width: px, minWidth: px, maxWidth: px });

export function HeaderCell<T>({
  column: c,
  sort,
  onSort,
  width,
  resizer,
}: {
  column: DataColumn<T>;
  sort?: SortState;
  onSort?: (id: string) => void;
  /** the width the user gave the column (px) */
  width?: number;
  /** the column's resize handle */
  resizer?: ReactNode;
}) {
  const active = sort?.id === c.id;
  const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : "none";
  return (
    <th
      scope="col"
      title={c.title}
      // with a resize handle inside, the header's name stays its text (not "Runs Resize column Runs")
      aria-label={resizer && typeof c.header === "string" ? c.header : undefined}
      aria-sort={c.sortable ? ariaSort : undefined}
      style={width === undefined ? { width: c.width, minWidth: c.minWidth ?? c.width } : fixed(width)}
      className={`sticky top-0 ${c.stickyLeft ? "left-0 z-20" : "z-10"} bg-slate-50 font-medium whitespace-nowrap shadow-[inset_0_-1px_0] shadow-slate-200 dark:bg-slate-900 dark:shadow-slate-800 ${PAD} ${c.align === "right" ? "text-right" : ""} ${c.className ?? ""}`}
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
      {resizer}
    </th>
  );
}

const INTERACTIVE = "a,button,input,select,textarea,label,summary,[role=button]";

/** One body row; with `href` a click anywhere that is not itself a control opens the row's page. */
export function DataRow<T>({
  row,
  columns,
  href,
  attrs,
  index,
  rowRef,
  widthOf,
}: {
  row: T;
  columns: DataColumn<T>[];
  /** the widths the user gave columns (px) */
  widthOf?: (id: string) => number | undefined;
  href?: string;
  attrs?: DataAttrs;
  index?: number;
  rowRef?: Ref<HTMLTableRowElement>;
}) {
  const router = useRouter();
  const { className: rowClass, ...rowRest } = attrs ?? {};
  const open = (ev: MouseEvent<HTMLTableRowElement>) => {
    if (!href || (ev.target as Element).closest(INTERACTIVE)) return;
    if (ev.metaKey || ev.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  };
  const cells = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (!c) continue;
    const span = c.colSpan?.(row) ?? 1;
    const { className: cellClass, ...cellRest } = c.cellProps?.(row) ?? {};
    const sized = span === 1 ? widthOf?.(c.id) : undefined;
    const cut = c.maxWidth !== undefined;
    const Cell = c.rowHeader ? "th" : "td";
    cells.push(
      <Cell
        key={c.id}
        scope={c.rowHeader ? "row" : undefined}
        colSpan={span > 1 ? span : undefined}
        style={sized !== undefined ? fixed(sized) : cut ? { maxWidth: c.maxWidth } : undefined}
        className={`${PAD} border-b border-slate-100 align-top dark:border-slate-800 ${c.rowHeader ? "font-normal" : ""} ${c.stickyLeft ? STICKY_LEFT : ""} ${c.align === "right" ? "text-right tabular-nums" : "text-left"} ${c.nowrap || cut ? "whitespace-nowrap" : ""} ${cut ? "truncate" : ""} ${sized !== undefined ? "overflow-hidden text-ellipsis" : ""} ${c.className ?? ""} ${cellClass ?? ""}`}
        {...cellRest}
      >
        {c.cell(row)}
      </Cell>,
    );
    i += span - 1;
  }
  return (
    <tr
      ref={rowRef}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
      onClick={href ? open : undefined}
      className={`hover:bg-slate-50 dark:hover:bg-slate-900 ${href ? "cursor-pointer" : ""} ${rowClass ?? ""}`}
      {...rowRest}
    >
      {cells}
    </tr>
  );
}

/** Keeps the scroll height of the rows a virtual table does not render. */
export function SpacerRow({ height, span }: { height: number; span: number }) {
  if (height <= 0) return null;
  return (
    <tr role="presentation" aria-hidden>
      <td colSpan={span} style={{ height, padding: 0 }} />
    </tr>
  );
}
