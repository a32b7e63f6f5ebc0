import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { createSearchParamsCache } from "nuqs/server";
import { GroupVersions } from "@/components/models/group-versions";
import { groupSearchParams } from "@/components/models/search-params";
import { modelQueries } from "@/lib/query-options/models";
import { getQueryClient } from "@/lib/query-options/query-client";
import { getDb } from "@/lib/db";
import { routes } from "@/lib/routes";
import { listGroupVersions } from "@/lib/models/groups";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ group: string }>; searchParams: Promise<Record<string, string>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).group) };
}

const cache = createSearchParamsCache(groupSearchParams);

export default async function GroupPage({ params, searchParams }: Props) {
  const group = decodeURIComponent((await params).group);
  const p = cache.parse(await searchParams);
  const q = { status: p.status ?? undefined, order: p.order ?? undefined, cursor: p.cursor ?? undefined };
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    ...modelQueries.group(group, q),
    queryFn: async () => listGroupVersions(await getDb(), { group, ...q }),
  });
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        breadcrumb={
          <Link href={routes.models} className="hover:underline">
            Models
          </Link>
        }
        title={group}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <GroupVersions group={group} />
      </HydrationBoundary>
    </section>
  );
}
