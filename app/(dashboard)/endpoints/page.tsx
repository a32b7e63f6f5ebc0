import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { EndpointsTable } from "@/components/endpoints/endpoints-table";
import { PageHeader } from "@/components/ui/page-header";
import { getEndpointList } from "@/lib/endpoints/list";
import { loadEndpointListQuery } from "@/lib/endpoints/load-search-params";
import { endpointQueries } from "@/lib/query-options/endpoints";
import { getQueryClient } from "@/lib/query-options/query-client";

export const metadata: Metadata = { title: "Endpoints" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EndpointsPage({ searchParams }: { searchParams: SearchParams }) {
  const q = loadEndpointListQuery(await searchParams);
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is left to the client, which shows the real message
  await queryClient.prefetchQuery({ ...endpointQueries.list(q), queryFn: () => getEndpointList(q) });
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        title="Endpoints"
        subtitle="Every SageMaker endpoint in every configured account: what it serves, its size and its monitoring."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EndpointsTable />
      </HydrationBoundary>
    </section>
  );
}
