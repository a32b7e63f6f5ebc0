import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PipelinesTable } from "@/components/pipelines/pipelines-table";
import { getPipelineList } from "@/lib/pipelines/read-models";
import { loadPipelineListQuery } from "@/lib/pipelines/load-search-params";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { getQueryClient } from "@/lib/query-options/query-client";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Pipelines" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PipelinesPage({ searchParams }: { searchParams: SearchParams }) {
  const q = loadPipelineListQuery(await searchParams);
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is left to the client, which shows the real message
  await queryClient.prefetchQuery({ ...pipelineQueries.list(q), queryFn: () => getPipelineList(q) });
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        title="Pipelines"
        subtitle="Every SageMaker pipeline with its latest run, success rate and median duration over the last 30 days."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PipelinesTable />
      </HydrationBoundary>
    </section>
  );
}
