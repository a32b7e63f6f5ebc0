import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ExecutionsTable } from "@/components/pipelines/executions-table";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getExecutionList } from "@/lib/pipelines/read-models";
import { loadExecutionListQuery } from "@/lib/pipelines/load-search-params";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { getQueryClient } from "@/lib/query-options/query-client";
import { routes } from "@/lib/routes";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";

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
      <PageHeader
        back={{ href: routes.pipelines, label: "Pipelines" }}
        title={name}
        subtitle="Executions, newest first."
        actions={
          user && can(user.role, "pipelines.run") ? (
            <ButtonLink
              variant="primary"
              size="lg"
              href={`${routes.pipelines}/${encodeURIComponent(name)}/start`}
            >
              Start a run
            </ButtonLink>
          ) : null
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExecutionsTable pipeline={name} />
      </HydrationBoundary>
    </section>
  );
}
