import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { createSearchParamsCache } from "nuqs/server";
import { AuditView } from "@/components/audit/audit-view";
import { auditSearchParams, toAuditParams } from "@/components/audit/search-params";
import { getDb } from "@/lib/db";
import { auditQueries } from "@/lib/query-options/audit";
import { getQueryClient } from "@/lib/query-options/query-client";
import { AuditQuery, listAudit } from "@/lib/audit/log";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit" };

const cache = createSearchParamsCache(auditSearchParams);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const params = toAuditParams(cache.parse(await searchParams));
  const queryClient = getQueryClient();
  const parsed = AuditQuery.safeParse(params);
  if (parsed.success) {
    await queryClient.prefetchQuery({
      ...auditQueries.list(params),
      queryFn: async () => listAudit(await getDb(), parsed.data),
    });
  }
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        title="Audit"
        subtitle="Every decision and run action: who, what, when, from → to, reason and outcome."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditView />
      </HydrationBoundary>
    </section>
  );
}
