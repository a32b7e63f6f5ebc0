"use client";

import { Button } from "@/components/ui/button";

/**
 * Cursor pages with a page count: First, Previous, "Page 3 of 12", Next. SageMaker's Search only goes
 * forward (NextToken), so the cursors of the pages visited are kept in sessionStorage per list (`trailKey`);
 * Previous goes back to the recorded cursor, or to the first page when it is not known (a shared deep link).
 */
export function RunsPager({
  page,
  total,
  size,
  hasNext,
  onFirst,
  onPage,
  onNext,
  trailKey,
}: {
  page: number;
  total: number;
  size: number;
  hasNext: boolean;
  onFirst: () => void;
  onPage: (page: number, after: string) => void;
  onNext: () => void;
  trailKey: string;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1 && page <= 1) return null;
  const previous = () => {
    const token = readTrail(trailKey)[page - 1];
    if (page - 1 <= 1 || !token) onFirst();
    else onPage(page - 1, token);
  };
  return (
    <nav aria-label="Pagination" className="flex items-center justify-end gap-2 text-sm">
      <Button disabled={page <= 1} onClick={onFirst}>
        First page
      </Button>
      <Button disabled={page <= 1} onClick={previous}>
        Previous page
      </Button>
      <span aria-current="page">
        Page {page} of {Math.max(pages, page)}
      </span>
      <Button disabled={!hasNext} onClick={onNext}>
        Next page
      </Button>
    </nav>
  );
}

type Trail = Record<number, string>;

export function readTrail(key: string): Trail {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "{}") as Trail;
  } catch {
    return {};
  }
}

/** Remembers the cursor that opened `page` of this list. */
export function recordCursor(key: string, page: number, after: string | undefined): void {
  if (!after || page < 2) return;
  try {
    sessionStorage.setItem(key, JSON.stringify({ ...readTrail(key), [page]: after }));
  } catch {
    // storage full or disabled: Previous falls back to the first page
  }
}
