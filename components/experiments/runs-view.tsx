"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useEffect, useMemo, useState } from "react";
import { queryError } from "@/components/ui/query-error";
import { DataTable } from "@/components/ui/data-table";
import { lazyComponent } from "@/components/ui/lazy";
import { parseColumns, type ParsedColumn } from "@/lib/experiments/columns";
import {
  MAX_COMPARE,
  parseSelection,
  togglePage,
  toggleRun,
  writeSelection,
} from "@/lib/experiments/selection";
import { PAGE_SIZES } from "@/lib/experiments/page-sizes";
import type { RunPage } from "@/lib/experiments/types";
import { runListSearchParams, toRunListQuery } from "@/lib/experiments/search-params";
import { experimentQueries } from "@/lib/query-options/experiments";
import { FilterBar } from "./filter-bar";
import { runColumns } from "./run-columns";
import { RunsPager, recordCursor } from "./runs-pager";
import { SelectionBar } from "./runs-selection";

/*
 * Loaded apart from the page (issue 18: first-load JS): the column picker's list, and the empty state that checks
 * the filter's names (it carries the filter translator). The server still renders both.
 */
const ColumnPicker = lazyComponent(() => import("./column-picker").then((m) => m.ColumnPicker));
const NoRunsMatch = lazyComponent(() => import("./unknown-names").then((m) => m.NoRunsMatch));

/** Without `cols` in the URL: every metric (last) and the first few user parameters. */
function defaultColumns(page: RunPage | undefined): ParsedColumn[] {
  if (!page) return [];
  const params = page.paramNames.filter((p) => !p.startsWith("SageMaker.")).slice(0, 4);
  return parseColumns(
    [...page.metricNames.map((m) => `m:${m}:last`), ...params.map((p) => `p:${p}`)].join(","),
  );
}

export function RunsView({ experiment }: { experiment: string }) {
  // push: Back returns to the previous view; a filter, sort or size change starts again at the first page
  const [state, set] = useQueryStates(runListSearchParams, { history: "push" });
  const q = toRunListQuery(state);
  const firstPage = { after: null, p: null };
  const { data, error, isPending, isFetching, isPlaceholderData, refetch } = useQuery({
    ...experimentQueries.runs(experiment, q),
    placeholderData: keepPreviousData,
  });
  // the page number only labels the position; the cursor (`after`) is what selects the page
  const pageNo = q.after ? Math.max(2, state.p || 2) : 1;
  const size = Number(q.size);
  // the selection lives in the URL (`sel`): it survives paging, reloads and shared links
  const selected = useMemo(() => parseSelection(state.sel), [state.sel]);
  const select = (names: string[]) => void set({ sel: writeSelection(names) }, { history: "replace" });
  const client = useQueryClient();
  const [selectingAll, setSelectingAll] = useState(false);
  /** Every run matching the filter (≤ MAX_COMPARE, so at most two pages of 100). */
  const selectAll = async () => {
    setSelectingAll(true);
    try {
      const names: string[] = [];
      let after: string | undefined;
      do {
        const page = await client.fetchQuery(experimentQueries.runs(experiment, { ...q, size: 100, after }));
        names.push(...page.items.map((r) => r.name));
        after = page.nextToken;
      } while (after && names.length <= MAX_COMPARE);
      select([...new Set([...selected, ...names])]);
    } finally {
      setSelectingAll(false);
    }
  };
  const pageNames = (data?.items ?? []).map((r) => r.name);
  const picked = useMemo(
    () => (state.cols !== null ? parseColumns(state.cols) : defaultColumns(data)),
    [state.cols, data],
  );
  const columns = runColumns(experiment, picked, {
    has: (n) => selected.includes(n),
    toggle: (n) => select(toggleRun(selected, n)),
    page: {
      all: pageNames.length > 0 && pageNames.every((n) => selected.includes(n)),
      some: pageNames.some((n) => selected.includes(n)),
      togglePage: () => select(togglePage(selected, pageNames)),
    },
  });
  const trailKey = `sagedeck:runs-cursors:${experiment}:${JSON.stringify([q.filter, q.sort, q.dir, q.size])}`;
  useEffect(() => recordCursor(trailKey, pageNo, q.after), [trailKey, pageNo, q.after]);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <FilterBar
          value={q.filter ?? ""}
          onApply={(filter) => void set({ filter: filter || null, ...firstPage })}
        />
        <ColumnPicker
          params={data?.paramNames ?? []}
          metrics={data?.metricNames ?? []}
          picked={picked}
          onChange={(ids) => void set({ cols: ids.join(",") || "none" })}
        />
        <label className="flex items-center gap-1 text-sm">
          Rows
          <select
            value={String(q.size)}
            onChange={(ev) =>
              void set({ size: runListSearchParams.size.parse(ev.target.value), ...firstPage })
            }
            className="rounded border border-slate-300 px-1 py-1 dark:border-slate-700 dark:bg-slate-900"
          >
            {PAGE_SIZES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
        <span aria-live="polite">
          {data ? `${data.total.toLocaleString()} runs match` : ""}
          {data && data.items.length > 0
            ? ` · rows ${(pageNo - 1) * size + 1}–${(pageNo - 1) * size + data.items.length}`
            : ""}
          {isFetching && data ? " · updating…" : ""}
        </span>
        <SelectionBar
          experiment={experiment}
          selected={selected}
          total={data?.total}
          pageSize={size}
          selectingAll={selectingAll}
          onSelectAll={() => void selectAll()}
          onClear={() => select([])}
        />
      </div>
      <DataTable
        label="Runs"
        loading={isPending}
        loadingLabel="Loading runs"
        loadingRows={8}
        error={queryError({ error, refetch })}
        empty={<NoRunsMatch experiment={experiment} filter={q.filter} />}
        maxHeight={560}
        virtualRowHeight={40}
        columns={columns}
        rows={data?.items ?? []}
        rowId={(r) => r.name}
        // the headers tell how the rows on screen are sorted: not yet while the previous page stands in
        sort={isPlaceholderData ? undefined : { id: q.sort ?? "start", dir: q.dir ?? "desc" }}
        onSort={(id) =>
          void set({ sort: id, dir: q.sort === id && q.dir === "desc" ? "asc" : "desc", ...firstPage })
        }
      />
      {data && data.items.length > 0 ? (
        <RunsPager
          page={pageNo}
          total={data.total}
          size={size}
          hasNext={Boolean(data.nextToken)}
          trailKey={trailKey}
          onFirst={() => void set(firstPage)}
          onPage={(p, after) => void set({ after, p })}
          onNext={() => void set({ after: data.nextToken ?? null, p: pageNo + 1 })}
        />
      ) : null}
    </div>
  );
}
