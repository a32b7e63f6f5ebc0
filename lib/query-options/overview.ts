import { queryOptions } from "@tanstack/react-query";
import type { OverviewSummary } from "@/lib/sagemaker/overview";
import type { WaitingForDecision } from "@/lib/overview/approvals";
import type { MaturitySummary } from "@/lib/overview/maturity";
import type { MyPipelineRuns, NewestExperimentRuns } from "@/lib/overview/runs";
import { fetchJson } from "./fetcher";

/** The server prefetch passes its own `queryFn` (a direct lib call) with these same keys. */
export const overviewQueries = {
  all: ["overview"] as const,
  summary: () =>
    queryOptions({
      queryKey: [...overviewQueries.all, "summary"] as const,
      queryFn: () => fetchJson<OverviewSummary>("/api/overview"),
    }),
  approvals: () =>
    queryOptions({
      queryKey: [...overviewQueries.all, "approvals"] as const,
      queryFn: () => fetchJson<WaitingForDecision>("/api/overview/approvals"),
    }),
  myRuns: () =>
    queryOptions({
      queryKey: [...overviewQueries.all, "my-runs"] as const,
      queryFn: () => fetchJson<MyPipelineRuns>("/api/overview/my-runs"),
      // live statuses: refresh while a run is still going
      refetchInterval: (q) =>
        q.state.data?.items.some((r) => r.status === "Executing" || r.status === "Stopping") ? 5_000 : false,
    }),
  experimentRuns: () =>
    queryOptions({
      queryKey: [...overviewQueries.all, "experiment-runs"] as const,
      queryFn: () => fetchJson<NewestExperimentRuns>("/api/overview/experiment-runs"),
    }),
  maturity: () =>
    queryOptions({
      queryKey: [...overviewQueries.all, "maturity"] as const,
      queryFn: () => fetchJson<MaturitySummary>("/api/overview/maturity"),
    }),
};
