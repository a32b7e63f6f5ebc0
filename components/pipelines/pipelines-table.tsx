"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import { pipelineListSearchParams, SORTS, toPipelineListQuery } from "@/lib/pipelines/search-params";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { routes } from "@/lib/routes";
import { StatusBadge } from "./status-badge";
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
      {query.isError ? (
        <ErrorState message={query.error.message} retry={() => void query.refetch()} />
      ) : !data ? (
        <LoadingBlock rows={6} label="Loading pipelines" />
      ) : data.items.length === 0 ? (
        <EmptyState title={q.q ? `No pipeline matches "${q.q}".` : "No pipelines yet."}>
          {q.q ? "Try a shorter search." : "Pipelines created in SageMaker appear here."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th className="py-2 pr-4">Pipeline</th>
                <th className="py-2 pr-4">Latest run</th>
                <th className="py-2 pr-4" title="Succeeded / finished runs started in the last 30 days">
                  Success (30 d)
                </th>
                <th className="py-2 pr-4" title="Median duration of successful runs in the last 30 days">
                  Median duration
                </th>
                <th className="py-2 pr-4">Runs (30 d)</th>
                <th className="py-2 pr-4">Last modified</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr
                  key={p.arn}
                  className="border-b border-slate-100 dark:border-slate-900"
                  data-testid="pipeline-row"
                >
                  <td className="py-2 pr-4">
                    <Link
                      href={`${routes.pipelines}/${encodeURIComponent(p.name)}`}
                      className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                    >
                      {p.displayName}
                    </Link>
                    {p.displayName !== p.name ? <div className="text-xs text-slate-500">{p.name}</div> : null}
                  </td>
                  {"error" in p.stats ? (
                    <td colSpan={4} className="py-2 pr-4 text-amber-700">
                      {p.stats.error}
                    </td>
                  ) : (
                    <>
                      <td className="py-2 pr-4">
                        <StatusBadge status={p.stats.latestStatus} />{" "}
                        <Timestamp
                          at={p.stats.latestStartedAt ?? undefined}
                          className="text-xs text-slate-500"
                        />
                      </td>
                      <td className="py-2 pr-4 tabular-nums">
                        {p.stats.successRate === null ? "—" : `${Math.round(p.stats.successRate * 100)} %`}
                      </td>
                      <td className="py-2 pr-4 tabular-nums">{formatDuration(p.stats.medianDurationMs)}</td>
                      <td className="py-2 pr-4 tabular-nums">
                        {p.stats.runs}
                        {p.stats.capped ? "+" : ""}
                      </td>
                    </>
                  )}
                  <td className="py-2 pr-4">
                    <Timestamp at={p.lastModifiedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data ? (
        <PageNav page={page} pages={pages} onPage={(n) => void set({ page: n })}>
          Page {page} of {pages}
        </PageNav>
      ) : null}
    </div>
  );
}
