import { queryOptions } from "@tanstack/react-query";
import type { MaturityOverview, SolutionReport } from "@/lib/maturity/collect/report";
import type { OverviewQuery } from "@/lib/maturity/query";
import { fetchJson } from "./fetcher";

export const maturityQueries = {
  all: ["maturity"] as const,
  overview: (q: OverviewQuery) =>
    queryOptions({
      queryKey: [...maturityQueries.all, "overview", q.phase ?? "", q.sort ?? ""] as const,
      queryFn: () => {
        const sp = new URLSearchParams();
        if (q.phase) sp.set("phase", q.phase);
        if (q.sort) sp.set("sort", q.sort);
        const qs = sp.toString();
        return fetchJson<MaturityOverview>(`/api/maturity${qs ? `?${qs}` : ""}`);
      },
    }),
  solution: (key: string) =>
    queryOptions({
      queryKey: [...maturityQueries.all, "solution", key] as const,
      queryFn: () => fetchJson<SolutionReport>(`/api/maturity/solutions/${encodeURIComponent(key)}`),
    }),
};
