import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { OverviewCards } from "@/components/overview/overview-cards";
import { getSessionUser } from "@/lib/auth/session";
import { overviewQueries } from "@/lib/queries/overview";
import { getQueryClient } from "@/lib/queries/query-client";
import { getOverviewSummary } from "@/lib/sagemaker/overview";

export const metadata: Metadata = { title: "Overview" };

// Server page = prefetch + hydrate: same query key as the client, the server calls lib directly.
export default async function OverviewPage() {
  const user = await getSessionUser();
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery({ ...overviewQueries.summary(), queryFn: () => getOverviewSummary() });
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Overview
        </h1>
        <p className="text-slate-600 dark:text-slate-400">
          Welcome, {user?.name}. Here is what SageMaker holds right now.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OverviewCards />
      </HydrationBoundary>
    </section>
  );
}
