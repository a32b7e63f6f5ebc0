"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent, Ref } from "react";
import type { DataAttrs, DataColumn, SortState } from "./data-table-types";

const PAD = "px-3 py-2";
const STICKY_LEFT = "sticky left-0 bg-inherit";

export function HeaderCell<T>({
  column: c,
  sort,
  onSort,
}: {
  column: DataColumn<T>;
  sort?: SortState;
  onSort?: (id: string) => void;
}) {
  const active = sort?.id === c.id;
  const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : "none";
  return (
    <th
      scope="col"
      title={c.title}
      aria-sort={c.sortable ? ariaSort : undefined}
      style={{ width: c.width, minWidth: c.minWidth ?? c.width }}
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
}: {
  row: T;
  columns: DataColumn<T>[];
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
    const cut = c.maxWidth !== undefined;
    const Cell = c.rowHeader ? "th" : "td";
    cells.push(
      <Cell
        key={c.id}
        scope={c.rowHeader ? "row" : undefined}
        colSpan={span > 1 ? span : undefined}
        style={cut ? { maxWidth: c.maxWidth } : undefined}
        className={`${PAD} border-b border-slate-100 align-top dark:border-slate-800 ${c.rowHeader ? "font-normal" : ""} ${c.stickyLeft ? STICKY_LEFT : ""} ${c.align === "right" ? "text-right tabular-nums" : "text-left"} ${c.nowrap || cut ? "whitespace-nowrap" : ""} ${cut ? "truncate" : ""} ${c.className ?? ""} ${cellClass ?? ""}`}
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
