import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createSearchParamsCache } from "nuqs/server";
import { Inbox } from "@/components/approvals/inbox";
import { inboxSearchParams } from "@/components/approvals/search-params";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { approvalQueries } from "@/lib/query-options/approvals";
import { getQueryClient } from "@/lib/query-options/query-client";
import { getInbox } from "@/lib/approvals/inbox";
import { ensureReconciler } from "@/lib/approvals/reconcile";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Approvals" };

const cache = createSearchParamsCache(inboxSearchParams);

export default async function ApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await getSessionUser();
  if (!user) notFound(); // the (dashboard) layout signs people in first
  const p = cache.parse(await searchParams);
  const params = { group: p.group ?? undefined, cursor: p.cursor ?? undefined, sla: p.sla ?? undefined };
  ensureReconciler();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    ...approvalQueries.inbox(params),
    queryFn: async () =>
      getInbox(await getDb(), user, { group: params.group, cursor: params.cursor, slaHours: params.sla }),
  });
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        title="Approvals"
        subtitle="Model versions waiting for a decision, oldest first. Past the service level they are highlighted."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Inbox />
      </HydrationBoundary>
    </section>
  );
}
