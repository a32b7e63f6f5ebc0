import type { ReactNode } from "react";

/** Attributes a row or a cell may carry: classes, a tooltip, test and data hooks. */
export type DataAttrs = { className?: string; title?: string } & {
  [key: `data-${string}`]: string | undefined;
};

export interface DataColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** preferred CSS width, e.g. "12rem"; without it the column takes what its content needs */
  width?: string;
  /** never narrower than this, so headers such as parameter names are not cut (defaults to width) */
  minWidth?: string;
  /** cut longer content with an ellipsis at this width (the full text belongs in the cell's title) */
  maxWidth?: string;
  /** keep the cell on one line */
  nowrap?: boolean;
  /** server-side sort: clicking the header calls the table's onSort with this column's id */
  sortable?: boolean;
  align?: "left" | "right";
  /** header tooltip */
  title?: string;
  /** classes for the header and every cell of the column */
  className?: string;
  /** the row's header cell (`<th scope="row">`), e.g. the name in a matrix */
  rowHeader?: boolean;
  /** stays in view when the table scrolls sideways */
  stickyLeft?: boolean;
  /** per-row cell attributes */
  cellProps?: (row: T) => DataAttrs;
  /** this row's cell spans that many columns; the next ones are skipped for the row */
  colSpan?: (row: T) => number;
}

export interface SortState {
  id: string;
  dir: "asc" | "desc";
}
