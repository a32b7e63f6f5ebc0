import { queryOptions } from "@tanstack/react-query";
import type { DeployProgress } from "@/lib/deploy-pipelines/progress";
import type { InboxGate } from "@/lib/deploy-pipelines/inbox-gates";
import { qs } from "@/lib/url/query-string";
import { fetchJson } from "./fetcher";

export const deployPipelineQueries = {
  all: ["deploy-pipelines"] as const,
  gates: (p: { group?: string }) =>
    queryOptions({
      queryKey: [...deployPipelineQueries.all, "gates", p] as const,
      queryFn: () => fetchJson<{ gates: InboxGate[] }>(`/api/approvals/gates${qs(p)}`),
      refetchInterval: 5_000,
    }),
  progress: (group: string, version: number) =>
    queryOptions({
      queryKey: [...deployPipelineQueries.all, "progress", group, version] as const,
      queryFn: () =>
        fetchJson<DeployProgress>(`/api/models/${encodeURIComponent(group)}/${version}/deploy-pipeline`),
      // follow a running execution; settle down once nothing moves
      refetchInterval: (q) =>
        q.state.data?.executions.some((e) => e.status === "InProgress") ? 3_000 : 30_000,
    }),
};
