"use client";

import type { ReactNode } from "react";
import { Button } from "./button";

/** Cursor pagination: "First page" and "Next page" buttons; the parent keeps the cursor in the URL. */
export function Pager({
  hasPrevious,
  hasNext,
  onFirst,
  onNext,
}: {
  hasPrevious: boolean;
  hasNext: boolean;
  onFirst: () => void;
  onNext: () => void;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label="Pagination" className="flex justify-end gap-2">
      <Button disabled={!hasPrevious} onClick={onFirst}>
        First page
      </Button>
      <Button disabled={!hasNext} onClick={onNext}>
        Next page
      </Button>
    </nav>
  );
}

/** Numbered pages: "Previous", where we are (children), "Next". Hidden when there is one page. */
export function PageNav({
  label = "Pagination",
  page,
  pages,
  onPage,
  children,
}: {
  label?: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  children: ReactNode;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2 text-sm">
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span>{children}</span>
      <Button disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
