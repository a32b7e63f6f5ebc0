import { queryOptions } from "@tanstack/react-query";
import type { EndpointActivities } from "@/lib/endpoints/activities";
import type { EndpointListPage, EndpointListQuery } from "@/lib/endpoints/rows";
import { qs } from "@/lib/url/query-string";
import { fetchJson } from "./fetcher";

export const endpointQueries = {
  all: ["endpoints"] as const,
  list: (q: EndpointListQuery) =>
    queryOptions({
      queryKey: [...endpointQueries.all, "list", q] as const,
      queryFn: () => fetchJson<EndpointListPage>(`/api/endpoints${qs(q)}`),
      // endpoints change state while they roll out: refresh while any row on the page is moving
      refetchInterval: (query) =>
        query.state.data?.items.some((e) => TRANSITIONAL.has(e.status)) ? 10_000 : false,
    }),
  /** an endpoint's recent scaling activities, in its account */
  scaling: (name: string, account: string | undefined) =>
    queryOptions({
      queryKey: [...endpointQueries.all, "scaling", name, account ?? ""] as const,
      queryFn: () =>
        fetchJson<EndpointActivities>(
          `/api/endpoints/${encodeURIComponent(name)}/scaling${qs({ account, limit: 10 })}`,
        ),
    }),
};

const TRANSITIONAL = new Set(["Creating", "Updating", "SystemUpdating", "RollingBack", "Deleting"]);
