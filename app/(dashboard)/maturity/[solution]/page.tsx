import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { SolutionView } from "@/components/maturity/solution-view";
import { getSolutionReport } from "@/lib/maturity-report/report";
import { maturityQueries } from "@/lib/query-options/maturity";
import { getQueryClient } from "@/lib/query-options/query-client";
import { routes } from "@/lib/routes";
import { PageHeader } from "@/components/ui/page-header";

type Params = Promise<{ solution: string }>;

/** The solution's display name (the same 30 s computation the page reads), else its key. */
async function displayName(key: string): Promise<string> {
  try {
    return (await getSolutionReport(key)).assessment.name;
  } catch {
    return key;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `${await displayName(decodeURIComponent((await params).solution))} · Maturity` };
}

export default async function SolutionMaturityPage({ params }: { params: Params }) {
  const key = decodeURIComponent((await params).solution);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    ...maturityQueries.solution(key),
    queryFn: () => getSolutionReport(key),
  });
  const name = await displayName(key);
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        back={{ href: routes.maturity, label: "All solutions" }}
        title={name}
        badge={name !== key ? <span className="text-slate-500">{key}</span> : null}
        subtitle="Every check grouped by phase, with the evidence behind it and the next step."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SolutionView solutionKey={key} />
      </HydrationBoundary>
    </section>
  );
}
