import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { OrgView } from "@/components/maturity/org-view";
import { TargetsForm } from "@/components/maturity/targets-form-lazy";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getMaturityOverview } from "@/lib/maturity-report/report";
import { readOverviewQuery } from "@/lib/maturity/search-params";
import { maturityQueries } from "@/lib/query-options/maturity";
import { getQueryClient } from "@/lib/query-options/query-client";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Maturity" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MaturityPage({ searchParams }: { searchParams: SearchParams }) {
  const q = readOverviewQuery(await searchParams);
  const user = await getSessionUser();
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is left to the client, which shows the real message
  await queryClient.prefetchQuery({ ...maturityQueries.overview(q), queryFn: () => getMaturityOverview(q) });
  const warnings = queryClient.getQueryData(maturityQueries.overview(q).queryKey)?.warnings ?? [];
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        title="Maturity"
        subtitle={
          <>
            Each ML solution&apos;s phase on the MLOps roadmap, proven from SageMaker evidence, and the
            lifecycle figures of the organisation.
          </>
        }
      />
      {warnings.map((w) => (
        <p
          key={w}
          role="status"
          className="rounded border border-amber-300 bg-amber-50 p-2 text-sm dark:bg-amber-950"
        >
          {w}
        </p>
      ))}
      <HydrationBoundary state={dehydrate(queryClient)}>
        {user && can(user.role, "maturity.manage") ? (
          <section aria-labelledby="targets-title" className="space-y-2">
            <h2 id="targets-title" className="text-lg font-semibold">
              Targets
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              The approval service level (also the approvals inbox&apos;s default) and the lead-time target,
              shown on their KPI tiles. An empty field clears a target.
            </p>
            <TargetsForm />
          </section>
        ) : null}
        <OrgView />
      </HydrationBoundary>
    </section>
  );
}
