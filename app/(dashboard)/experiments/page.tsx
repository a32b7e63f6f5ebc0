import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ExperimentsTable } from "@/components/experiments/experiments-table";
import { loadExperimentListQuery } from "@/lib/experiments/load-search-params";
import { experimentQueries } from "@/lib/query-options/experiments";
import { getQueryClient } from "@/lib/query-options/query-client";
import { listExperiments } from "@/lib/sagemaker/experiments/reads";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Experiments" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ExperimentsPage({ searchParams }: { searchParams: SearchParams }) {
  const q = loadExperimentListQuery(await searchParams);
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is then left to the client, which shows the real message
  // (a streamed rejection reaches the browser redacted in production)
  await queryClient.prefetchQuery({ ...experimentQueries.list(q), queryFn: () => listExperiments(q) });
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        title="Experiments"
        subtitle="Experiments tracked on SageMaker, with their runs, last activity and where they come from."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExperimentsTable />
      </HydrationBoundary>
    </section>
  );
}
