import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { RunDetailView } from "@/components/experiments/run-detail";
import { experimentQueries } from "@/lib/query-options/experiments";
import { getQueryClient } from "@/lib/query-options/query-client";
import { getRun } from "@/lib/sagemaker/experiments/reads";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ name: string; run: string }> };

export const metadata: Metadata = { title: "Run · Experiments" };

export default async function RunPage({ params }: Props) {
  const p = await params;
  const name = decodeURIComponent(p.name);
  const run = decodeURIComponent(p.run);
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is then left to the client, which shows the real message
  // (a streamed rejection reaches the browser redacted in production)
  await queryClient.prefetchQuery({ ...experimentQueries.run(name, run), queryFn: () => getRun(name, run) });
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        back={{ href: `/experiments/${encodeURIComponent(name)}`, label: name }}
        title={`Run ${run}`}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunDetailView experiment={name} run={run} />
      </HydrationBoundary>
    </section>
  );
}
