"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { DataRow, SpacerRow } from "./data-table-parts";
import type { DataTableProps } from "./data-table";

export type VirtualBodyProps<T> = DataTableProps<T> & {
  rowHeight: number;
  scrollBox: HTMLDivElement | null;
  widthOf: (id: string) => number | undefined;
};

/** The data table's body with only the rows in view rendered (the rest stand in as spacer rows). */
export function VirtualBody<T>({
  rows,
  columns,
  rowId,
  rowHref,
  rowProps,
  rowHeight,
  maxHeight,
  scrollBox,
  widthOf,
}: VirtualBodyProps<T>) {
  // eslint-disable-next-line react-hooks/incompatible-library -- react-virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollBox,
    estimateSize: () => rowHeight,
    overscan: 12,
    // before the box exists (server rendering, hydration) assume it is full height: the rows in view are in
    // the server's HTML and visible before the JavaScript runs, and hydration renders the same rows
    initialRect: { width: 0, height: maxHeight ?? 0 },
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
            widthOf={widthOf}
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
