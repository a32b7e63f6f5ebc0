"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { Pager } from "@/components/ui/pager";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import { modelQueries } from "@/lib/query-options/models";
import { modelRoutes } from "@/lib/routes";
import { modelsSearchParams } from "./search-params";
import { Button } from "@/components/ui/button";

/** Model groups: latest version, counts by status, what Staging and Production serve, last decision. */
export function ModelsList() {
  const [p, setP] = useQueryStates(modelsSearchParams, { history: "push" });
  const q = useQuery(modelQueries.list({ q: p.q ?? undefined, page: p.page }));
  return (
    <div className="space-y-4">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const v = new FormData(e.currentTarget).get("q");
          void setP({ q: typeof v === "string" && v.trim() ? v.trim() : null, page: 1 });
        }}
        className="flex gap-2 text-sm"
      >
        <input
          name="q"
          aria-label="Search model groups"
          placeholder="Search model groups"
          defaultValue={p.q ?? ""}
          className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
        <Button type="submit">Search</Button>
      </form>
      {q.isPending ? (
        <LoadingBlock rows={6} label="Loading model groups" />
      ) : q.isError ? (
        <ErrorState
          message={`Could not load model groups: ${q.error.message}`}
          retry={() => void q.refetch()}
        />
      ) : q.data.items.length === 0 ? (
        <EmptyState title="No model groups match">Clear the search to see every group.</EmptyState>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Model groups">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-3">Group</th>
              <th className="pr-3">Latest</th>
              <th className="pr-3">Pending / approved / rejected</th>
              <th className="pr-3">Staging</th>
              <th className="pr-3">Production</th>
              <th>Last decision</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((g) => (
              <tr key={g.name} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-3">
                  <Link href={modelRoutes.group(g.name)} className="text-sky-700 hover:underline">
                    {g.name}
                  </Link>
                </td>
                <td className="pr-3">
                  {g.latestVersion ? (
                    <>
                      v{g.latestVersion} <TimeAgo at={g.latestAt} className="text-slate-500" />
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="pr-3 tabular-nums">
                  {g.counts.PendingManualApproval} / {g.counts.Approved} / {g.counts.Rejected}
                </td>
                <td className="pr-3">{g.staging ? `v${g.staging}` : "—"}</td>
                <td className="pr-3">{g.production ? `v${g.production}` : "—"}</td>
                <td>
                  {g.lastDecision
                    ? `${g.lastDecision.action} v${g.lastDecision.version} by ${g.lastDecision.actorName}`
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        hasPrevious={p.page > 1}
        hasNext={Boolean(q.data && q.data.page * q.data.pageSize < q.data.total)}
        onFirst={() => void setP({ page: 1 })}
        onNext={() => void setP({ page: p.page + 1 })}
      />
    </div>
  );
}
