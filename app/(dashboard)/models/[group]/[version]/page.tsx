import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VersionView } from "@/components/models/version-view";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { modelQueries } from "@/lib/query-options/models";
import { getQueryClient } from "@/lib/query-options/query-client";
import { modelRoutes, routes } from "@/lib/routes";
import { ensureReconciler } from "@/lib/approvals/reconcile";
import { getVersionPage } from "@/lib/models/version";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ group: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${decodeURIComponent(p.group)} v${p.version}` };
}

export default async function VersionPage({ params }: Props) {
  const p = await params;
  const group = decodeURIComponent(p.group);
  const version = Number(p.version);
  if (!Number.isInteger(version) || version < 1) notFound();
  const user = await getSessionUser();
  ensureReconciler();
  const queryClient = getQueryClient();
  if (user) {
    await queryClient.prefetchQuery({
      ...modelQueries.version(group, version),
      queryFn: async () => getVersionPage(await getDb(), user, group, version),
    });
  }
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        breadcrumb={
          <>
            <Link href={routes.models} className="hover:underline">
              Models
            </Link>{" "}
            /{" "}
            <Link href={modelRoutes.group(group)} className="hover:underline">
              {group}
            </Link>
          </>
        }
        title={`${group} · version ${version}`}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <VersionView group={group} version={version} />
      </HydrationBoundary>
    </section>
  );
}
