"use client";

/** Cursor pagination: "Newer/First" and "Next" buttons; the parent keeps the cursor in the URL. */
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
  const cls = "rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40 dark:border-slate-700";
  return (
    <nav aria-label="Pagination" className="flex justify-end gap-2">
      <button type="button" className={cls} disabled={!hasPrevious} onClick={onFirst}>
        First page
      </button>
      <button type="button" className={cls} disabled={!hasNext} onClick={onNext}>
        Next page
      </button>
    </nav>
  );
}
