import { queryOptions } from "@tanstack/react-query";
import type { DecisionView } from "@/lib/approvals/types";
import type { InboxPage } from "@/lib/approvals/inbox";
import { qs } from "@/lib/url/query-string";
import { fetchJson } from "./fetcher";

export interface InboxParams {
  group?: string;
  cursor?: string;
  sla?: number;
}

export const approvalQueries = {
  all: ["approvals"] as const,
  inbox: (p: InboxParams) =>
    queryOptions({
      queryKey: [...approvalQueries.all, "inbox", p] as const,
      queryFn: () => fetchJson<InboxPage>(`/api/approvals${qs({ ...p })}`),
    }),
  /** A decision; polled every 2 s while its rollout is under way. */
  decision: (id: string) =>
    queryOptions({
      queryKey: [...approvalQueries.all, "decision", id] as const,
      queryFn: () => fetchJson<{ decision: DecisionView }>(`/api/approvals/decisions/${id}`),
      refetchInterval: (q) => (q.state.data?.decision.state === "deploying" ? 2_000 : false),
    }),
};

/** POSTs a decision with its Idempotency-Key (the same key for retries of one intent). */
export function postDecision(url: string, body: unknown, idempotencyKey: string) {
  return fetchJson<{ decision: DecisionView }>(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify(body),
  });
}

export const decisionUrls = {
  approve: (group: string, version: number) => `/api/models/${encodeURIComponent(group)}/${version}/approve`,
  reject: (group: string, version: number) => `/api/models/${encodeURIComponent(group)}/${version}/reject`,
  promote: (group: string, version: number) => `/api/models/${encodeURIComponent(group)}/${version}/promote`,
  rollback: (group: string) => `/api/models/${encodeURIComponent(group)}/rollback`,
};
