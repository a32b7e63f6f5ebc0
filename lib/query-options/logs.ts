import { queryOptions } from "@tanstack/react-query";
import type { StepLogs } from "@/lib/pipelines/logs";
import { qs } from "@/lib/url/query-string";
import { fetchJson } from "./fetcher";

const enc = encodeURIComponent;

export interface StepLogsRequest {
  stream?: string;
  token?: string;
  filter?: string;
  limit?: number;
}

export const stepLogsUrl = (pipeline: string, id: string, step: string, q: StepLogsRequest) =>
  `/api/pipelines/${enc(pipeline)}/executions/${enc(id)}/steps/${enc(step)}/logs${qs(q)}`;

export const fetchStepLogs = (pipeline: string, id: string, step: string, q: StepLogsRequest) =>
  fetchJson<StepLogs>(stepLogsUrl(pipeline, id, step, q));

export const logQueries = {
  /** the first page (the tail of the stream, or the first matches of a filter); newer lines are appended by polling */
  step: (pipeline: string, id: string, step: string, q: { stream?: string; filter?: string }) =>
    queryOptions({
      queryKey: ["pipelines", "step-logs", pipeline, id, step, q] as const,
      queryFn: () => fetchStepLogs(pipeline, id, step, q),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      // "no logs yet": ask again until the job's container has started
      refetchInterval: (query) => (query.state.data?.state === "no-logs-yet" ? 3_000 : false),
    }),
};
