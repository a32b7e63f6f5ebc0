import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { SolutionView } from "@/components/maturity/solution-view";
import { getSolutionReport } from "@/lib/maturity/collect/report";
import { maturityQueries } from "@/lib/queries/maturity";
import { getQueryClient } from "@/lib/queries/query-client";
import { routes } from "@/lib/routes";

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
      <div>
        <Link href={routes.maturity} className="text-sm text-sky-700 hover:underline">
          ← All solutions
        </Link>
        <h1 id="page-title" className="text-2xl font-semibold">
          {name}
          {name !== key ? <span className="ml-2 text-base font-normal text-slate-500">{key}</span> : null}
        </h1>
        <p className="text-slate-600 dark:text-slate-400">
          Every check grouped by phase, with the evidence behind it and the next step.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SolutionView solutionKey={key} />
      </HydrationBoundary>
    </section>
  );
}
