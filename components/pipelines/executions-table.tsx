"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { queryError } from "@/components/ui/query-error";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/states";
import { executionListSearchParams, toExecutionListQuery } from "@/lib/pipelines/search-params";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { routes } from "@/lib/routes";
import { ExecutionsFilters } from "./executions-filters";
import { executionColumns } from "./execution-columns";
import { Button } from "@/components/ui/button";
import Link from "next/link";
import { useState } from "react";
import type { DataColumn } from "@/components/ui/data-table";
import type { ExecutionRow } from "@/lib/pipelines/read-models";

/** A first column to pick two executions to compare. */
function pickColumn(picked: string[], toggle: (id: string) => void): DataColumn<ExecutionRow> {
  return {
    id: "pick",
    header: <span className="sr-only">Compare</span>,
    cell: (e) => (
      <input
        type="checkbox"
        aria-label={`Compare ${e.displayName}`}
        checked={picked.includes(e.id)}
        onChange={() => toggle(e.id)}
      />
    ),
  };
}

export function ExecutionsTable({ pipeline }: { pipeline: string }) {
  // push: Back returns to the previous view
  const [state, set] = useQueryStates(executionListSearchParams, { history: "push" });
  const q = toExecutionListQuery(state);
  const query = useQuery({ ...pipelineQueries.executions(pipeline, q), placeholderData: keepPreviousData });
  const data = query.data;
  const params = data?.pipeline.parameters ?? [];
  const base = `${routes.pipelines}/${encodeURIComponent(pipeline)}/executions`;
  const [picked, setPicked] = useState<string[]>([]);
  // the last two picked: picking a third drops the oldest pick
  const toggle = (id: string) =>
    setPicked((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id].slice(-2)));
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3 text-sm">
        {picked.length === 2 ? (
          <Link
            href={`${base}/compare?a=${picked[0]}&b=${picked[1]}`}
            className="font-medium text-sky-700 hover:underline"
            data-testid="compare-link"
          >
            Compare the two picked executions
          </Link>
        ) : (
          <span className="text-slate-500">Pick two executions to compare them.</span>
        )}
      </div>
      <ExecutionsFilters
        key={`${q.status}|${q.param}|${q.find}`}
        status={q.status}
        param={q.param}
        find={q.find}
        parameters={params}
        onChange={(changes) => void set(changes)}
      />
      <DataTable
        label="Executions"
        loading={!data && !query.isError}
        loadingRows={8}
        loadingLabel="Loading executions"
        error={queryError(query)}
        empty={
          <EmptyState title="No execution matches.">
            {q.status || q.param || q.find ? "Clear or change the filters." : "Start a run to see it here."}
          </EmptyState>
        }
        columns={[pickColumn(picked, toggle), ...executionColumns(base, params)]}
        rows={data?.items ?? []}
        rowId={(e) => e.arn}
        rowProps={() => ({ "data-testid": "execution-row" })}
      />
      {data && (data.hasNewer || data.hasOlder) ? (
        <nav aria-label="Pagination" className="flex justify-end gap-2 text-sm">
          <Button disabled={!data.hasNewer} onClick={() => void set({ before: null, after: null })}>
            Newest
          </Button>
          <Button
            disabled={!data.hasNewer}
            onClick={() => void set({ after: data.items[0]?.startedAt ?? null, before: null })}
          >
            Newer
          </Button>
          <Button
            disabled={!data.hasOlder}
            onClick={() =>
              void set({ before: data.items[data.items.length - 1]?.startedAt ?? null, after: null })
            }
          >
            Older
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
