import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ExperimentsTable } from "@/components/experiments/experiments-table";
import { loadExperimentListQuery } from "@/lib/experiments/url";
import { experimentQueries } from "@/lib/queries/experiments";
import { getQueryClient } from "@/lib/queries/query-client";
import { listExperiments } from "@/lib/sagemaker/experiments";

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
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Experiments
        </h1>
        <p className="text-slate-600 dark:text-slate-400">
          Experiments tracked on SageMaker, with their runs, last activity and where they come from.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExperimentsTable />
      </HydrationBoundary>
    </section>
  );
}
