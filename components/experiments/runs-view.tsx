"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useMemo, useState } from "react";
import { queryError } from "@/components/ui/query-error";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { EmptyState } from "@/components/ui/states";
import { parseColumns, type ParsedColumn } from "@/lib/experiments/columns";
import { PAGE_SIZES } from "@/lib/experiments/list-input";
import type { RunPage } from "@/lib/experiments/types";
import { runListSearchParams, toRunListQuery } from "@/lib/experiments/search-params";
import { experimentQueries } from "@/lib/query-options/experiments";
import { ColumnPicker } from "./column-picker";
import { FilterBar } from "./filter-bar";
import { runColumns } from "./run-columns";
import { ButtonLink } from "@/components/ui/button";

export const MAX_COMPARE = 200;

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
  const [selected, setSelected] = useState<string[]>([]);
  const picked = useMemo(
    () => (state.cols !== null ? parseColumns(state.cols) : defaultColumns(data)),
    [state.cols, data],
  );
  const columns = runColumns(experiment, picked, {
    has: (n) => selected.includes(n),
    toggle: (n) =>
      setSelected((s) => (s.includes(n) ? s.filter((x) => x !== n) : s.length < MAX_COMPARE ? [...s, n] : s)),
  });
  const compareHref = `/experiments/${encodeURIComponent(experiment)}/compare?runs=${encodeURIComponent(selected.join(","))}`;
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
        <span className="flex items-center gap-2">
          {selected.length > 0 ? `${selected.length} selected` : "Select 2–200 runs to compare"}
          {selected.length >= 2 ? (
            <ButtonLink href={compareHref} variant="primary">
              Compare {selected.length} runs
            </ButtonLink>
          ) : null}
          {selected.length > 0 ? (
            <button type="button" className="underline" onClick={() => setSelected([])}>
              Clear selection
            </button>
          ) : null}
        </span>
      </div>
      <DataTable
        label="Runs"
        loading={isPending}
        loadingLabel="Loading runs"
        loadingRows={8}
        error={queryError({ error, refetch })}
        empty={
          <EmptyState title="No runs match">
            {q.filter ? "Loosen or clear the filter." : "This experiment has no runs yet."}
          </EmptyState>
        }
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
        <Pager
          hasPrevious={Boolean(q.after)}
          hasNext={Boolean(data.nextToken)}
          onFirst={() => void set(firstPage)}
          onNext={() => void set({ after: data.nextToken ?? null, p: pageNo + 1 })}
        />
      ) : null}
    </div>
  );
}
