"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { ErrorState, LoadingBlock } from "@/components/ui/states";

/** One overview section: a titled card with a link to the page that shows everything. */
export function OverviewSection({
  id,
  title,
  href,
  linkLabel,
  children,
}: {
  id: string;
  title: string;
  href: string;
  linkLabel: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`overview-${id}`}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <Link href={href} className="text-sm font-medium text-sky-700 hover:underline">
          {linkLabel}
        </Link>
      </div>
      {children}
    </section>
  );
}

/** A query's loading skeleton, its error with a retry, or its data rendered. */
export function QueryState<T>({
  query,
  what,
  rows = 3,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isError)
    return (
      <ErrorState
        message={`Could not load ${what}: ${query.error.message}`}
        retry={() => void query.refetch()}
      />
    );
  if (query.data === undefined) return <LoadingBlock rows={rows} label={`Loading ${what}`} />;
  return <>{children(query.data)}</>;
}
