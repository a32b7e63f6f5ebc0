import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { RunsView } from "@/components/experiments/runs-view";
import { loadRunListQuery } from "@/lib/experiments/load-search-params";
import { experimentQueries } from "@/lib/query-options/experiments";
import { getQueryClient } from "@/lib/query-options/query-client";
import { searchRuns } from "@/lib/sagemaker/experiments/reads";
import { PageHeader } from "@/components/ui/page-header";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).name)} · Experiments` };
}

export default async function ExperimentPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const q = loadRunListQuery(await searchParams);
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is then left to the client, which shows the real message
  // (a streamed rejection reaches the browser redacted in production)
  await queryClient.prefetchQuery({ ...experimentQueries.runs(name, q), queryFn: () => searchRuns(name, q) });
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        back={{ href: "/experiments", label: "Experiments" }}
        title={name}
        subtitle={
          <>
            Runs, sorted and filtered by SageMaker Search. Filter with e.g.{" "}
            <code>validation:auc &gt; 0.85 and status = Completed</code>.
          </>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunsView experiment={name} />
      </HydrationBoundary>
    </section>
  );
}
