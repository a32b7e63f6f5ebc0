"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { queryError } from "@/components/ui/query-error";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/states";
import { pipelineListSearchParams, SORTS, toPipelineListQuery } from "@/lib/pipelines/search-params";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { PIPELINE_COLUMNS, pipelineHref } from "./pipeline-columns";
import { Button } from "@/components/ui/button";
import { PageNav } from "@/components/ui/pager";

export function PipelinesTable() {
  // push: Back returns to the previous view
  const [state, set] = useQueryStates(pipelineListSearchParams, { history: "push" });
  const q = toPipelineListQuery(state);
  const [search, setSearch] = useState(q.q ?? "");
  const query = useQuery({ ...pipelineQueries.list(q), placeholderData: keepPreviousData });
  const page = q.page ?? 1;
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void set({ q: search.trim() || null, page: null });
          }}
        >
          <label className="block text-sm">
            Search pipelines
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              className="mt-1 block w-64 rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              placeholder="name contains…"
            />
          </label>
        </form>
        <label className="text-sm">
          Sort by
          <select
            value={q.sort ?? "lastRun"}
            onChange={(e) => {
              const sort = SORTS.find(([k]) => k === e.target.value)?.[0];
              void set({ sort: sort ?? null, page: null });
            }}
            className="mt-1 block rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          >
            {SORTS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <Button onClick={() => void set({ order: (q.order ?? "desc") === "desc" ? "asc" : "desc" })}>
          {(q.order ?? "desc") === "desc" ? "Descending" : "Ascending"}
        </Button>
      </div>
      <DataTable
        label="Pipelines"
        loading={!data && !query.isError}
        loadingRows={6}
        loadingLabel="Loading pipelines"
        error={queryError(query)}
        empty={
          <EmptyState title={q.q ? `No pipeline matches "${q.q}".` : "No pipelines yet."}>
            {q.q ? "Try a shorter search." : "Pipelines created in SageMaker appear here."}
          </EmptyState>
        }
        columns={PIPELINE_COLUMNS}
        rows={data?.items ?? []}
        rowId={(p) => p.arn}
        rowHref={pipelineHref}
        rowProps={() => ({ "data-testid": "pipeline-row" })}
      />
      {data ? (
        <PageNav page={page} pages={pages} onPage={(n) => void set({ page: n })}>
          Page {page} of {pages}
        </PageNav>
      ) : null}
    </div>
  );
}
