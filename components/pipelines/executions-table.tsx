"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import { executionListSearchParams, toExecutionListQuery } from "@/lib/pipelines/search-params";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { routes } from "@/lib/routes";
import { ExecutionsFilters } from "./executions-filters";
import { StatusBadge } from "./status-badge";
import { Button } from "@/components/ui/button";

export function ExecutionsTable({ pipeline }: { pipeline: string }) {
  // push: Back returns to the previous view
  const [state, set] = useQueryStates(executionListSearchParams, { history: "push" });
  const q = toExecutionListQuery(state);
  const query = useQuery({ ...pipelineQueries.executions(pipeline, q), placeholderData: keepPreviousData });
  const data = query.data;
  const params = data?.pipeline.parameters ?? [];
  const base = `${routes.pipelines}/${encodeURIComponent(pipeline)}/executions`;
  return (
    <div className="space-y-4">
      <ExecutionsFilters
        key={`${q.status}|${q.param}|${q.find}`}
        status={q.status}
        param={q.param}
        find={q.find}
        parameters={params}
        onChange={(changes) => void set(changes)}
      />
      {query.isError ? (
        <ErrorState message={query.error.message} retry={() => void query.refetch()} />
      ) : !data ? (
        <LoadingBlock rows={8} label="Loading executions" />
      ) : data.items.length === 0 ? (
        <EmptyState title="No execution matches.">
          {q.status || q.param || q.find ? "Clear or change the filters." : "Start a run to see it here."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th className="py-2 pr-4">Status</th>
                <th className="py-2 pr-4">Execution</th>
                <th className="py-2 pr-4">Started</th>
                <th className="py-2 pr-4">Duration</th>
                <th className="py-2 pr-4">Started by</th>
                {params.map((p) => (
                  <th key={p.name} className="py-2 pr-4 font-mono text-xs" title={`${p.type} parameter`}>
                    {p.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr
                  key={e.arn}
                  className="border-b border-slate-100 dark:border-slate-900"
                  data-testid="execution-row"
                >
                  <td className="py-2 pr-4">
                    <StatusBadge status={e.status} />
                  </td>
                  <td className="py-2 pr-4">
                    <Link
                      href={`${base}/${e.id}`}
                      className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                    >
                      {e.displayName}
                    </Link>
                    <div className="font-mono text-xs text-slate-500">{e.id}</div>
                  </td>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <Timestamp at={e.startedAt} />
                  </td>
                  <td className="py-2 pr-4 tabular-nums">{formatDuration(e.durationMs)}</td>
                  <td
                    className="py-2 pr-4"
                    title={e.startedHere ? "Started from SageDeck" : "SageMaker CreatedBy"}
                  >
                    {e.startedBy ?? "—"}
                  </td>
                  {params.map((p) => {
                    const v = e.parameters[p.name];
                    return (
                      <td
                        key={p.name}
                        className={`max-w-48 truncate py-2 pr-4 font-mono text-xs ${v !== undefined && v !== p.defaultValue ? "font-semibold" : "text-slate-500"}`}
                        title={v}
                        data-param={p.name}
                      >
                        {v ?? "—"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
