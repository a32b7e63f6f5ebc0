import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ExecutionView } from "@/components/pipelines/execution-view";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getExecutionView } from "@/lib/pipelines/read-models";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { getQueryClient } from "@/lib/query-options/query-client";
import { routes } from "@/lib/routes";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ name: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name, id } = await params;
  return { title: `${decodeURIComponent(name)} · ${id}` };
}

export default async function ExecutionPage({ params }: Props) {
  const p = await params;
  const name = decodeURIComponent(p.name);
  const id = p.id;
  const user = await getSessionUser();
  const queryClient = getQueryClient();
  // awaited, not streamed: a failed prefetch is left to the client, which shows the real message
  await queryClient.prefetchQuery({
    ...pipelineQueries.execution(name, id),
    queryFn: () => getExecutionView(name, id),
  });
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        back={{ href: `${routes.pipelines}/${encodeURIComponent(name)}`, label: name }}
        title={
          <>
            Execution <span className="font-mono">{id}</span>
          </>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExecutionView pipeline={name} id={id} canRun={Boolean(user && can(user.role, "pipelines.run"))} />
      </HydrationBoundary>
    </section>
  );
}
