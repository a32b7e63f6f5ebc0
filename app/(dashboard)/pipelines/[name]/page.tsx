import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { ExecutionsTable } from "@/components/pipelines/executions-table";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getExecutionList } from "@/lib/pipelines/queries";
import { loadExecutionListQuery } from "@/lib/pipelines/url";
import { pipelineQueries } from "@/lib/queries/pipelines";
import { getQueryClient } from "@/lib/queries/query-client";
import { routes } from "@/lib/routes";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function PipelinePage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const q = loadExecutionListQuery(await searchParams);
  const user = await getSessionUser();
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is left to the client, which shows the real message
  await queryClient.prefetchQuery({
    ...pipelineQueries.executions(name, q),
    queryFn: () => getExecutionList(name, q),
  });
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href={routes.pipelines} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            ← Pipelines
          </Link>
          <h1 id="page-title" className="text-2xl font-semibold">
            {name}
          </h1>
          <p className="text-slate-600 dark:text-slate-400">Executions, newest first.</p>
        </div>
        {user && can(user.role, "pipelines.run") ? (
          <Link
            href={`${routes.pipelines}/${encodeURIComponent(name)}/start`}
            className="rounded bg-sky-700 px-4 py-2 text-sm font-medium text-white"
          >
            Start a run
          </Link>
        ) : null}
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExecutionsTable pipeline={name} />
      </HydrationBoundary>
    </section>
  );
}
