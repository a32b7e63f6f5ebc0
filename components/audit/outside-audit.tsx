"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { outsideLabel } from "@/components/models/outside-change";
import { Pager } from "@/components/ui/pager";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { Timestamp } from "@/components/ui/timestamp";
import { outsideQueries } from "@/lib/query-options/outside";
import { modelRoutes } from "@/lib/routes";

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
      {q.isPending ? (
        <LoadingBlock rows={6} label="Loading changes made outside SageDeck" />
      ) : q.isError ? (
        <ErrorState
          message={`Could not read SageMaker's record: ${q.error.message}`}
          retry={() => void q.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState title="Nothing was changed outside SageDeck">
          Every approval and stage SageMaker shows {group ? `for ${group} ` : ""}has a SageDeck decision.
        </EmptyState>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Changes made outside SageDeck">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-3">When (SageMaker)</th>
              <th className="pr-3">Who (SageMaker)</th>
              <th className="pr-3">Change</th>
              <th className="pr-3">Version</th>
              <th>Description (SageMaker)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr
                key={`${c.arn}:${c.kind}:${c.to}`}
                className="border-t border-slate-100 align-top dark:border-slate-800"
              >
                <td className="py-1 pr-3 whitespace-nowrap">
                  <Timestamp at={c.at} />
                </td>
                <td className="pr-3">
                  {c.by ?? "not recorded"}{" "}
                  {c.byField ? <span className="text-slate-500">({c.byField})</span> : null}
                </td>
                <td className="pr-3">{outsideLabel(c)}</td>
                <td className="pr-3">
                  <Link
                    href={modelRoutes.version(c.group, c.version)}
                    className="text-sky-700 hover:underline"
                  >
                    {c.group} v{c.version}
                  </Link>
                </td>
                <td>{c.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
