import { queryOptions } from "@tanstack/react-query";
import type { History, SnapshotTaken } from "@/lib/maturity-history/history";
import { fetchJson } from "./fetcher";

/** The signed-in user's permissions (GET /api/me), for showing what they may do. */
export interface Me {
  user: { username: string; role: string };
  permissions: string[];
}

export const maturityHistoryQueries = {
  all: ["maturity-history"] as const,
  history: (solution: string, days = 90) =>
    queryOptions({
      queryKey: [...maturityHistoryQueries.all, solution, days] as const,
      queryFn: () =>
        fetchJson<History>(
          `/api/maturity/history?${new URLSearchParams({ solution, days: String(days) }).toString()}`,
        ),
    }),
  me: () =>
    queryOptions({
      queryKey: ["me"] as const,
      queryFn: () => fetchJson<Me>("/api/me"),
      staleTime: 5 * 60_000,
    }),
};

/** POST /api/maturity/snapshots: collect now and store a snapshot (managers and admins). */
export function takeSnapshotNow(): Promise<SnapshotTaken> {
  return fetchJson<SnapshotTaken>("/api/maturity/snapshots", { method: "POST" });
}
