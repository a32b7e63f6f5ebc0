import { queryOptions } from "@tanstack/react-query";
import type { MaturityOverview, SolutionReport } from "@/lib/maturity-report/report";
import type { OverviewQuery } from "@/lib/maturity/search-params";
import type { ExemptionView, TargetsView } from "@/lib/maturity-governance/views";
import { qs } from "@/lib/url/query-string";
import { fetchJson } from "./fetcher";

const solutionUrl = (key: string) => `/api/maturity/solutions/${encodeURIComponent(key)}`;

export const maturityQueries = {
  all: ["maturity"] as const,
  overview: (q: OverviewQuery) =>
    queryOptions({
      queryKey: [...maturityQueries.all, "overview", q.phase ?? "", q.sort ?? ""] as const,
      queryFn: () => fetchJson<MaturityOverview>(`/api/maturity${qs({ phase: q.phase, sort: q.sort })}`),
    }),
  solution: (key: string) =>
    queryOptions({
      queryKey: [...maturityQueries.all, "solution", key] as const,
      queryFn: () => fetchJson<SolutionReport>(solutionUrl(key)),
    }),
  exemptions: (key: string) =>
    queryOptions({
      queryKey: [...maturityQueries.all, "exemptions", key] as const,
      queryFn: () => fetchJson<{ exemptions: ExemptionView[] }>(`${solutionUrl(key)}/exemptions`),
    }),
  targets: () =>
    queryOptions({
      queryKey: [...maturityQueries.all, "targets"] as const,
      queryFn: () => fetchJson<TargetsView>("/api/maturity/targets"),
    }),
  /** what the signed-in user may do (hides actions they cannot take; the server checks anyway) */
  me: () =>
    queryOptions({
      queryKey: ["me"] as const,
      queryFn: () => fetchJson<{ permissions: string[] }>("/api/me"),
      staleTime: 5 * 60_000,
    }),
};

export interface GrantRequest {
  checkId: string;
  reason: string;
  /** YYYY-MM-DD (end of that day, UTC) */
  expiresAt: string;
}

export function grantExemption(key: string, body: GrantRequest, idempotencyKey: string) {
  return fetchJson<{ exemption: ExemptionView }>(`${solutionUrl(key)}/exemptions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
    body: JSON.stringify(body),
  });
}

export function revokeExemption(key: string, id: string) {
  return fetchJson<{ exemption: ExemptionView }>(`${solutionUrl(key)}/exemptions/${encodeURIComponent(id)}`, {
    method: "DELETE",
  });
}

export interface TargetsRequest {
  solution?: string;
  approvalSlaHours: number | null;
  leadTimeTargetHours: number | null;
}

export function saveTargets(body: TargetsRequest) {
  return fetchJson<TargetsView>("/api/maturity/targets", {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}
