"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { OutsideChangeLine } from "@/components/models/outside-change";
import { EmptyState, ErrorState, LoadingBlock } from "@/components/ui/states";
import { outsideQueries } from "@/lib/query-options/outside";
import { modelRoutes } from "@/lib/routes";
import { PageNav } from "@/components/ui/pager";

/**
 * "Needs attention: changed outside SageDeck": versions SageMaker shows as approved or staged with no
 * SageDeck decision, newest first, paged on the server; the page number lives in the URL (`attention`).
 */
export function OutsideList({
  group,
  page,
  onPage,
}: {
  group?: string;
  page: number;
  onPage: (page: number) => void;
}) {
  const q = useQuery(outsideQueries.list({ group, page, attention: true }));
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.pageSize)) : 1;
  return (
    <section
      aria-labelledby="outside-title"
      className="space-y-2 rounded-lg border border-amber-300 p-4 dark:border-amber-800"
    >
      <h2 id="outside-title" className="font-semibold">
        Needs attention: changed outside SageDeck{q.data ? ` (${q.data.total})` : ""}
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        SageMaker shows these versions approved or in a stage, but no decision was made in SageDeck (set in
        Studio, by a pipeline or the CLI). Who and when are SageMaker&apos;s own record.
      </p>
      {q.isPending ? (
        <LoadingBlock rows={3} label="Loading changes made outside SageDeck" />
      ) : q.isError ? (
        <ErrorState
          message={`Could not check for changes made outside SageDeck: ${q.error.message}`}
          retry={() => void q.refetch()}
        />
      ) : q.data.items.length === 0 ? (
        <EmptyState title="Nothing changed outside SageDeck">
          Every approval and stage SageMaker shows {group ? `for ${group} ` : ""}was decided in SageDeck.
        </EmptyState>
      ) : (
        <ul className="space-y-2 text-sm" aria-label="Changed outside SageDeck">
          {q.data.items.map((f) => (
            <li key={f.arn} className="rounded border border-slate-200 p-2 dark:border-slate-800">
              <Link
                href={modelRoutes.version(f.group, f.version)}
                className="font-medium text-sky-700 hover:underline"
              >
                {f.group} v{f.version}
              </Link>
              <ul>
                {f.changes.map((c) => (
                  <li key={`${c.kind}:${c.to}`}>
                    <OutsideChangeLine change={c} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {q.data ? (
        <PageNav label="Needs attention pages" page={page} pages={pages} onPage={onPage}>
          page {page} of {pages}
        </PageNav>
      ) : null}
      {q.data ? (
        <p className="text-xs text-slate-500">
          Checked the newest {q.data.scanned.versionsPerGroup} versions of {q.data.scanned.groups} model group
          {q.data.scanned.groups === 1 ? "" : "s"} and what their stage endpoints serve.
        </p>
      ) : null}
    </section>
  );
}
