"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { Pager } from "@/components/ui/pager";
import { queryError } from "@/components/ui/query-error";
import { DataTable } from "@/components/ui/data-table";
import { lazyComponent } from "@/components/ui/lazy";
import { EmptyState } from "@/components/ui/states";
import { modelQueries } from "@/lib/query-options/models";
import { routes } from "@/lib/routes";
import { groupSearchParams } from "./search-params";
import { versionColumns } from "./version-columns";

/*
 * Loaded apart from the page (issue 18: the group page's first-load JS); the server still renders them. The
 * sharing notice shows only when the group is not shared with an account that needs it.
 */
const CompareVersions = lazyComponent(() => import("./compare-versions").then((m) => m.CompareVersions));
const GroupSharing = lazyComponent(() => import("./group-sharing").then((m) => m.GroupSharing));

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
      <GroupSharing group={group} />
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
      <DataTable
        label="Versions"
        loading={q.isPending}
        loadingRows={8}
        loadingLabel="Loading versions"
        error={queryError(q, "Could not load the versions")}
        empty={<EmptyState title="No versions match">Change the status filter to see more.</EmptyState>}
        columns={versionColumns(group, {
          has: (arn) => picked.includes(arn),
          set: (arn, on) => setPicked((old) => (on ? [...old, arn] : old.filter((a) => a !== arn))),
        })}
        rows={q.data?.items ?? []}
        rowId={(v) => v.arn}
      />
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
