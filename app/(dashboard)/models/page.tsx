import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { createSearchParamsCache } from "nuqs/server";
import { ModelsList } from "@/components/models/models-list";
import { modelsSearchParams } from "@/components/models/search-params";
import { getDb } from "@/lib/db";
import { modelQueries } from "@/lib/query-options/models";
import { getQueryClient } from "@/lib/query-options/query-client";
import { listModelOverview } from "@/lib/models/groups";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Models" };

const cache = createSearchParamsCache(modelsSearchParams);

export default async function ModelsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const p = cache.parse(await searchParams);
  const params = { q: p.q ?? undefined, page: p.page };
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    ...modelQueries.list(params),
    queryFn: async () => listModelOverview(await getDb(), { search: params.q, page: params.page }),
  });
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        title="Models"
        subtitle="Model package groups: their versions by approval status and what Staging and Production serve."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ModelsList />
      </HydrationBoundary>
    </section>
  );
}
