"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { overviewQueries } from "@/lib/query-options/overview";
import type { CountResult } from "@/lib/sagemaker/overview";
import { routes } from "@/lib/routes";

function Card({ label, href, result }: { label: string; href: string; result: CountResult | undefined }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 p-4 hover:border-sky-400 dark:border-slate-800 dark:hover:border-sky-600"
    >
      <div className="text-sm text-slate-600 dark:text-slate-400">{label}</div>
      {result === undefined ? (
        <div
          className="mt-2 h-8 w-16 animate-pulse rounded bg-slate-200 dark:bg-slate-800"
          aria-label="Loading"
        />
      ) : result.ok ? (
        <div
          className="mt-1 text-3xl font-semibold tabular-nums"
          data-testid={`count-${label.toLowerCase().replace(/\s+/g, "-")}`}
        >
          {result.count}
          {result.more ? "+" : ""}
        </div>
      ) : (
        <div className="mt-1 text-sm text-amber-700 dark:text-amber-400">{result.message}</div>
      )}
    </Link>
  );
}

export function OverviewCards() {
  const query = useQuery(overviewQueries.summary());
  if (query.isError) {
    return (
      <div role="status" className="rounded-md border border-amber-300 p-4 text-sm">
        Could not load the overview: {query.error.message}{" "}
        <button type="button" onClick={() => void query.refetch()} className="underline">
          Try again
        </button>
      </div>
    );
  }
  const data = query.data;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
      <Card label="Experiments" href={routes.experiments} result={data?.experiments} />
      <Card label="Pipelines" href={routes.pipelines} result={data?.pipelines} />
      <Card label="Model groups" href={routes.models} result={data?.modelGroups} />
    </div>
  );
}
