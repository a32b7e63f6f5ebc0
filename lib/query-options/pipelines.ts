import { queryOptions } from "@tanstack/react-query";
import type { PipelineDetail } from "@/lib/sagemaker/pipelines/reads";
import type {
  ExecutionListPage,
  ExecutionListQuery,
  ExecutionView,
  PipelineListPage,
  PipelineListQuery,
} from "@/lib/pipelines/read-models";
import { qs } from "@/lib/url/query-string";
import { fetchJson } from "./fetcher";

const enc = encodeURIComponent;
/** While an execution runs, refresh at most every 2.5 s, also in background tabs. */
export const LIVE_REFRESH_MS = 2_500;
const LIVE = new Set(["Executing", "Stopping"]);

export const pipelineQueries = {
  all: ["pipelines"] as const,
  list: (q: PipelineListQuery) =>
    queryOptions({
      queryKey: [...pipelineQueries.all, "list", q] as const,
      queryFn: () => fetchJson<PipelineListPage>(`/api/pipelines${qs(q)}`),
    }),
  detail: (name: string) =>
    queryOptions({
      queryKey: [...pipelineQueries.all, "detail", name] as const,
      queryFn: () => fetchJson<PipelineDetail>(`/api/pipelines/${enc(name)}`),
    }),
  executions: (name: string, q: ExecutionListQuery) =>
    queryOptions({
      queryKey: [...pipelineQueries.all, "executions", name, q] as const,
      queryFn: () => fetchJson<ExecutionListPage>(`/api/pipelines/${enc(name)}/executions${qs(q)}`),
      staleTime: 5_000,
      refetchInterval: (query) => (query.state.data?.items.some((e) => LIVE.has(e.status)) ? 5_000 : false),
    }),
  execution: (name: string, id: string) =>
    queryOptions({
      queryKey: [...pipelineQueries.all, "execution", name, id] as const,
      queryFn: () => fetchJson<ExecutionView>(`/api/pipelines/${enc(name)}/executions/${enc(id)}`),
      staleTime: 1_000,
      refetchOnWindowFocus: true,
      refetchIntervalInBackground: true,
      refetchInterval: (query) => {
        const s = query.state.data?.status;
        return s === undefined || LIVE.has(s) ? LIVE_REFRESH_MS : false;
      },
    }),
};
