"use client";

import { ButtonLink } from "@/components/ui/button";
import { compareProblem, MAX_COMPARE } from "@/lib/experiments/selection";

/** "3 selected · Compare 3 runs · Clear selection", or why the selection cannot be compared. */
export function SelectionBar({
  experiment,
  selected,
  total,
  pageSize,
  selectingAll,
  onSelectAll,
  onClear,
}: {
  experiment: string;
  selected: string[];
  /** runs matching the filter */
  total: number | undefined;
  pageSize: number;
  selectingAll: boolean;
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const problem = selected.length > 0 ? compareProblem(selected.length) : null;
  const compareHref = `/experiments/${encodeURIComponent(experiment)}/compare?runs=${encodeURIComponent(selected.join(","))}`;
  const canSelectAll = total !== undefined && total > pageSize && total <= MAX_COMPARE;
  return (
    <span className="flex flex-wrap items-center gap-2" data-testid="selection-bar">
      {selected.length > 0 ? (
        <span>{selected.length} selected</span>
      ) : (
        <span>Select 2–{MAX_COMPARE} runs to compare</span>
      )}
      {problem && selected.length > MAX_COMPARE ? (
        <span role="alert" className="font-medium text-red-700 dark:text-red-400">
          {problem}: clear some before comparing.
        </span>
      ) : null}
      {selected.length >= 2 && selected.length <= MAX_COMPARE ? (
        <ButtonLink href={compareHref} variant="primary">
          Compare {selected.length} runs
        </ButtonLink>
      ) : null}
      {canSelectAll ? (
        <button type="button" className="underline" disabled={selectingAll} onClick={onSelectAll}>
          {selectingAll ? "Selecting…" : `Select all ${total} matching runs`}
        </button>
      ) : null}
      {selected.length > 0 ? (
        <button type="button" className="underline" onClick={onClear}>
          Clear selection
        </button>
      ) : null}
    </span>
  );
}
