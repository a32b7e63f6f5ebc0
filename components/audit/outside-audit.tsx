"use client";

import { useQuery } from "@tanstack/react-query";
import { Pager } from "@/components/ui/pager";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/states";
import { outsideQueries } from "@/lib/query-options/outside";
import { queryError } from "@/components/ui/query-error";
import Link from "next/link";
import { outsideLabel } from "@/components/models/outside-change";
import { Timestamp } from "@/components/ui/timestamp";
import type { OutsidePage } from "@/lib/approvals/outside";
import { modelRoutes } from "@/lib/routes";

export type OutsideRow = OutsidePage["items"][number]["changes"][number];

/** Changes SageMaker records that no SageDeck decision made, in SageMaker's words. */
export const OUTSIDE_COLUMNS: DataColumn<OutsideRow>[] = [
  { id: "when", header: "When (SageMaker)", nowrap: true, cell: (c) => <Timestamp at={c.at} /> },
  {
    id: "who",
    header: "Who (SageMaker)",
    cell: (c) => (
      <>
        {c.by ?? "not recorded"} {c.byField ? <span className="text-slate-500">({c.byField})</span> : null}
      </>
    ),
  },
  { id: "change", header: "Change", cell: (c) => outsideLabel(c) },
  {
    id: "version",
    header: "Version",
    nowrap: true,
    cell: (c) => (
      <Link href={modelRoutes.version(c.group, c.version)} className="text-sky-700 hover:underline">
        {c.group} v{c.version}
      </Link>
    ),
  },
  { id: "description", header: "Description (SageMaker)", cell: (c) => c.description ?? "" },
];

/**
 * The audit's "outside SageDeck" view: approvals, rejections and stages SageMaker reports that no SageDeck
 * decision made, one row per change, as SageMaker records them (not SageDeck's audit trail).
 */
export function OutsideAudit({
  group,
  page,
  onPage,
}: {
  group?: string;
  page: number;
  onPage: (page: number) => void;
}) {
  const q = useQuery(outsideQueries.list({ group, page }));
  const rows = (q.data?.items ?? []).flatMap((f) => f.changes);
  return (
    <div className="space-y-2">
      <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
        Not made through SageDeck: these changes come from SageMaker&apos;s own record of each version
        (LastModifiedBy, LastModifiedTime, ApprovalDescription). SageDeck has no intent, reason or outcome for
        them.
      </p>
      <DataTable
        label="Changes made outside SageDeck"
        loading={q.isPending}
        loadingRows={6}
        loadingLabel="Loading changes made outside SageDeck"
        error={queryError(q, "Could not read SageMaker's record")}
        empty={
          <EmptyState title="Nothing was changed outside SageDeck">
            Every approval and stage SageMaker shows {group ? `for ${group} ` : ""}has a SageDeck decision.
          </EmptyState>
        }
        columns={OUTSIDE_COLUMNS}
        rows={rows}
        rowId={(c) => `${c.arn}:${c.kind}:${c.to}`}
      />
      {q.data ? (
        <p className="text-xs text-slate-500">
          {q.data.total} versions changed outside SageDeck · page {q.data.page} of{" "}
          {Math.max(1, Math.ceil(q.data.total / q.data.pageSize))}
        </p>
      ) : null}
      <Pager
        hasPrevious={page > 1}
        hasNext={Boolean(q.data && q.data.page * q.data.pageSize < q.data.total)}
        onFirst={() => onPage(1)}
        onNext={() => onPage(page + 1)}
      />
    </div>
  );
}
