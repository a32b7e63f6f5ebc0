import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { ExecutionView } from "@/components/pipelines/execution-view";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { getExecutionView } from "@/lib/pipelines/queries";
import { pipelineQueries } from "@/lib/queries/pipelines";
import { getQueryClient } from "@/lib/queries/query-client";
import { routes } from "@/lib/routes";

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
      <div>
        <Link
          href={`${routes.pipelines}/${encodeURIComponent(name)}`}
          className="text-sm text-sky-700 hover:underline dark:text-sky-400"
        >
          ← {name}
        </Link>
        <h1 id="page-title" className="text-2xl font-semibold">
          Execution <span className="font-mono">{id}</span>
        </h1>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExecutionView pipeline={name} id={id} canRun={Boolean(user && can(user.role, "pipelines.run"))} />
      </HydrationBoundary>
    </section>
  );
}
