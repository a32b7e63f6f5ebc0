import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PipelinesTable } from "@/components/pipelines/pipelines-table";
import { getPipelineList } from "@/lib/pipelines/queries";
import { loadPipelineListQuery } from "@/lib/pipelines/url";
import { pipelineQueries } from "@/lib/queries/pipelines";
import { getQueryClient } from "@/lib/queries/query-client";

export const metadata: Metadata = { title: "Pipelines" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PipelinesPage({ searchParams }: { searchParams: SearchParams }) {
  const q = loadPipelineListQuery(await searchParams);
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is left to the client, which shows the real message
  await queryClient.prefetchQuery({ ...pipelineQueries.list(q), queryFn: () => getPipelineList(q) });
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Pipelines
        </h1>
        <p className="text-slate-600 dark:text-slate-400">
          Every SageMaker pipeline with its latest run, success rate and median duration over the last 30
          days.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PipelinesTable />
      </HydrationBoundary>
    </section>
  );
}
