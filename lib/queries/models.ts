import { queryOptions } from "@tanstack/react-query";
import type { VersionPage } from "@/lib/services/decisions-version";
import { fetchJson } from "./fetcher";

export const modelQueries = {
  all: ["models"] as const,
  version: (group: string, version: number) =>
    queryOptions({
      queryKey: [...modelQueries.all, "version", group, version] as const,
      queryFn: () => fetchJson<VersionPage>(`/api/models/${encodeURIComponent(group)}/${version}`),
    }),
};
