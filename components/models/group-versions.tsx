"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Pager } from "@/components/ui/pager";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import { modelQueries } from "@/lib/query-options/models";
import { modelRoutes, routes } from "@/lib/routes";
import { StatusBadge } from "./approval-badge";
import { CompareVersions } from "./compare-versions";
import { executionHref } from "./links";
import { OutsideBadge } from "./outside-change";
import { groupSearchParams } from "./search-params";

const sel = "rounded border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

/** A group's versions: status, stage, key metrics, created, registrant, producing execution; compare. */
export function GroupVersions({ group }: { group: string }) {
  const [p, setP] = useQueryStates(groupSearchParams, { history: "push" });
  const params = {
    status: p.status ?? undefined,
    order: p.order ?? undefined,
    cursor: p.cursor ?? undefined,
  };
  const q = useQuery(modelQueries.group(group, params));
  const [picked, setPicked] = useState<string[]>([]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-2">
          Status
          <select
            className={sel}
            value={p.status ?? ""}
            onChange={(e) =>
              void setP({
                status: (e.target.value || null) as typeof p.status,
                cursor: null,
              })
            }
          >
            <option value="">any</option>
            <option value="PendingManualApproval">pending</option>
            <option value="Approved">approved</option>
            <option value="Rejected">rejected</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          Order
          <select
            className={sel}
            value={p.order ?? "Descending"}
            onChange={(e) =>
              void setP({ order: e.target.value === "Ascending" ? "Ascending" : null, cursor: null })
            }
          >
            <option value="Descending">newest first</option>
            <option value="Ascending">oldest first</option>
          </select>
        </label>
      </div>
      {q.data && q.data.outsideCount > 0 ? (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="outside-count">
          {q.data.outsideCount} version{q.data.outsideCount === 1 ? "" : "s"} changed outside SageDeck
          (approved, rejected or staged in SageMaker with no SageDeck decision) —{" "}
          <Link
            href={`${routes.audit}?source=outside&group=${encodeURIComponent(group)}`}
            className="text-sky-700 hover:underline"
          >
            see them in the audit
          </Link>
        </p>
      ) : null}
      {q.isPending ? (
        <LoadingBlock rows={8} label="Loading versions" />
      ) : q.isError ? (
        <ErrorState
          message={`Could not load the versions: ${q.error.message}`}
          retry={() => void q.refetch()}
        />
      ) : q.data.items.length === 0 ? (
        <EmptyState title="No versions match">Change the status filter to see more.</EmptyState>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Versions">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-2">Compare</th>
              <th className="pr-3">Version</th>
              <th className="pr-3">Approval</th>
              <th className="pr-3">Stage</th>
              <th className="pr-3">Key metrics</th>
              <th className="pr-3">Created</th>
              <th className="pr-3">Registered by</th>
              <th>Pipeline execution</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((v) => (
              <tr key={v.arn} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-2">
                  <input
                    type="checkbox"
                    aria-label={`Compare version ${v.version}`}
                    checked={picked.includes(v.arn)}
                    onChange={(e) =>
                      setPicked((old) =>
                        e.target.checked ? [...old, v.arn] : old.filter((a) => a !== v.arn),
                      )
                    }
                  />
                </td>
                <td className="pr-3">
                  <Link href={modelRoutes.version(group, v.version)} className="text-sky-700 hover:underline">
                    v{v.version}
                  </Link>{" "}
                  {v.live ? <Badge tone="blue">live in {v.live}</Badge> : null}
                </td>
                <td className="pr-3">
                  <StatusBadge status={v.approvalStatus} /> <OutsideBadge changes={v.outside} />
                </td>
                <td className="pr-3">{v.stage ?? "Development"}</td>
                <td className="pr-3 tabular-nums">
                  {Object.entries(v.metrics)
                    .map(([k, n]) => `${k} ${n.toFixed(3)}`)
                    .join(" · ") || "—"}
                </td>
                <td className="pr-3">
                  <TimeAgo at={v.createdAt} />
                </td>
                <td className="pr-3">{v.registeredBy ?? "—"}</td>
                <td className="text-xs break-all">
                  {v.generatedBy ? (
                    <Link href={executionHref(v.generatedBy) ?? "#"} className="text-sky-700 hover:underline">
                      {v.generatedBy.split("/execution/")[1]}
                    </Link>
                  ) : (
                    "registered by hand"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        hasPrevious={Boolean(p.cursor)}
        hasNext={Boolean(q.data?.cursor)}
        onFirst={() => void setP({ cursor: null })}
        onNext={() => void setP({ cursor: q.data?.cursor ?? null })}
      />
      <section className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 className="mb-2 font-semibold">Compare metrics</h2>
        <CompareVersions versions={(q.data?.items ?? []).filter((v) => picked.includes(v.arn))} />
      </section>
    </div>
  );
}
