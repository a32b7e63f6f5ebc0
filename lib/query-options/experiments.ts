import { queryOptions } from "@tanstack/react-query";
import type { ExperimentListQuery, RunListQuery } from "@/lib/experiments/list-input";
import type { ExperimentPage, RunDetail, RunPage } from "@/lib/experiments/types";
import { qs } from "@/lib/url/query-string";
import { fetchJson } from "./fetcher";

const enc = encodeURIComponent;

export const experimentQueries = {
  all: ["experiments"] as const,
  list: (q: ExperimentListQuery) =>
    queryOptions({
      queryKey: [...experimentQueries.all, "list", q] as const,
      queryFn: () => fetchJson<ExperimentPage>(`/api/experiments${qs(q)}`),
    }),
  runs: (name: string, q: RunListQuery) =>
    queryOptions({
      queryKey: [...experimentQueries.all, "runs", name, q] as const,
      queryFn: () => fetchJson<RunPage>(`/api/experiments/${enc(name)}/runs${qs(q)}`),
      retry: (count, err) => count < 2 && !("status" in err && err.status === 422),
    }),
  run: (name: string, run: string) =>
    queryOptions({
      queryKey: [...experimentQueries.all, "run", name, run] as const,
      queryFn: () => fetchJson<RunDetail>(`/api/experiments/${enc(name)}/runs/${enc(run)}`),
    }),
  compare: (name: string, runs: string[]) =>
    queryOptions({
      queryKey: [...experimentQueries.all, "compare", name, runs] as const,
      queryFn: () =>
        fetchJson<RunDetail[]>(`/api/experiments/${enc(name)}/compare?runs=${enc(runs.join(","))}`),
    }),
};
