import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { createSearchParamsCache } from "nuqs/server";
import { ModelsList } from "@/components/models/models-list";
import { modelsSearchParams } from "@/components/models/search-params";
import { getDb } from "@/lib/db";
import { modelQueries } from "@/lib/queries/models";
import { getQueryClient } from "@/lib/queries/query-client";
import { listModelOverview } from "@/lib/services/decisions-models";

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
      <div>
        <h1 id="page-title" className="text-2xl font-semibold">
          Models
        </h1>
        <p className="text-slate-600 dark:text-slate-400">
          Model package groups: their versions by approval status and what Staging and Production serve.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ModelsList />
      </HydrationBoundary>
    </section>
  );
}
