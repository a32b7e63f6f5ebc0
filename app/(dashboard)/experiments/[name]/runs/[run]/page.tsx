import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { RunDetailView } from "@/components/experiments/run-detail";
import { experimentQueries } from "@/lib/queries/experiments";
import { getQueryClient } from "@/lib/queries/query-client";
import { getRun } from "@/lib/sagemaker/experiments";

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
      <div>
        <Link
          href={`/experiments/${encodeURIComponent(name)}`}
          className="text-sm text-sky-700 hover:underline dark:text-sky-400"
        >
          ← {name}
        </Link>
        <h1 id="page-title" className="text-2xl font-semibold">
          Run {run}
        </h1>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunDetailView experiment={name} run={run} />
      </HydrationBoundary>
    </section>
  );
}
