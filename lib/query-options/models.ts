import { queryOptions } from "@tanstack/react-query";
import type { GroupSharing } from "@/lib/approvals/sharing";
import type { GroupOverview, GroupVersionsPage } from "@/lib/models/groups";
import type { VersionPage } from "@/lib/models/version";
import { qs } from "@/lib/url/query-string";
import { fetchJson } from "./fetcher";

export interface GroupVersionsParams {
  status?: "PendingManualApproval" | "Approved" | "Rejected";
  order?: "Ascending" | "Descending";
  cursor?: string;
}

export const modelQueries = {
  all: ["models"] as const,
  list: (p: { q?: string; page?: number }) =>
    queryOptions({
      queryKey: [...modelQueries.all, "list", p] as const,
      queryFn: () =>
        fetchJson<{ items: GroupOverview[]; page: number; total: number; pageSize: number }>(
          `/api/models${qs(p)}`,
        ),
    }),
  group: (group: string, p: GroupVersionsParams) =>
    queryOptions({
      queryKey: [...modelQueries.all, "group", group, p] as const,
      queryFn: () => fetchJson<GroupVersionsPage>(`/api/models/${encodeURIComponent(group)}${qs({ ...p })}`),
    }),
  sharing: (group: string) =>
    queryOptions({
      queryKey: [...modelQueries.all, "sharing", group] as const,
      queryFn: () => fetchJson<GroupSharing>(`/api/models/${encodeURIComponent(group)}/sharing`),
    }),
  version: (group: string, version: number) =>
    queryOptions({
      queryKey: [...modelQueries.all, "version", group, version] as const,
      queryFn: () => fetchJson<VersionPage>(`/api/models/${encodeURIComponent(group)}/${version}`),
    }),
};
