import { queryOptions } from "@tanstack/react-query";
import type { AuditItem, StageAt } from "@/lib/audit/log";
import { fetchJson } from "./fetcher";
import type { AuditOutcome } from "@/lib/audit/outcome";

export interface AuditParams {
  actor?: string;
  action?: string;
  group?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
  page?: number;
}

export function auditSearch(p: AuditParams): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== "" && v !== null) s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : "";
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
};
