import { queryOptions } from "@tanstack/react-query";
import type { OverviewSummary } from "@/lib/sagemaker/overview";
import { fetchJson } from "./fetcher";

export const overviewQueries = {
  all: ["overview"] as const,
  /** The server prefetch passes its own `queryFn` (a direct lib call) with this same key. */
  summary: () =>
    queryOptions({
      queryKey: [...overviewQueries.all, "summary"] as const,
      queryFn: () => fetchJson<OverviewSummary>("/api/overview"),
    }),
};
