import { queryOptions } from "@tanstack/react-query";
import type { AuditItem, StageAt } from "@/lib/audit/log";
import type { GroupStagesAt } from "@/lib/audit/stages-all";
import { fetchJson } from "./fetcher";
import type { AuditOutcome } from "@/lib/audit/outcome";
import { qs } from "@/lib/url/query-string";

export interface AuditParams {
  actor?: string;
  action?: string;
  group?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  page?: number;
}

/** The audit filters as a query string (also the CSV export link's). */
export function auditSearch(p: AuditParams): string {
  return qs(p);
}

export const auditQueries = {
  all: ["audit"] as const,
  list: (p: AuditParams) =>
    queryOptions({
      queryKey: [...auditQueries.all, "list", p] as const,
      queryFn: () =>
        fetchJson<{ items: AuditItem[]; page: number; total: number; pageSize: number }>(
          `/api/audit${auditSearch(p)}`,
        ),
    }),
  stages: (group: string, at: string) =>
    queryOptions({
      queryKey: [...auditQueries.all, "stages", group, at] as const,
      queryFn: () =>
        fetchJson<{ stages: StageAt[] }>(
          `/api/audit/stages${auditSearch({ group, from: undefined })}&at=${encodeURIComponent(at)}`,
        ),
    }),
  /** every model group with something deployed at `at` (the default before a group is chosen) */
  stagesAll: (at: string) =>
    queryOptions({
      queryKey: [...auditQueries.all, "stages", "*", at] as const,
      queryFn: () => fetchJson<{ groups: GroupStagesAt[] }>(`/api/audit/stages?at=${encodeURIComponent(at)}`),
    }),
};
