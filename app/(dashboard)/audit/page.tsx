import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { createSearchParamsCache } from "nuqs/server";
import { AuditView } from "@/components/audit/audit-view";
import { auditSearchParams, toAuditParams } from "@/components/audit/search-params";
import { getDb } from "@/lib/db";
import { auditQueries } from "@/lib/queries/audit";
import { getQueryClient } from "@/lib/queries/query-client";
import { AuditQuery, listAudit } from "@/lib/services/decisions-auditlog";

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
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Audit
        </h1>
        <p className="text-slate-600 dark:text-slate-400">
          Every decision and run action: who, what, when, from → to, reason and outcome.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditView />
      </HydrationBoundary>
    </section>
  );
}
