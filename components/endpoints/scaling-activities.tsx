"use client";

import { useQuery } from "@tanstack/react-query";
import { TimeAgo } from "@/components/ui/time-ago";
import { endpointQueries } from "@/lib/query-options/endpoints";

/** The newest scaling activities of an endpoint, read when opened. */
export function ScalingActivities({ endpoint, account }: { endpoint: string; account: string }) {
  const q = useQuery(endpointQueries.scaling(endpoint, account));
  if (q.isPending) return <p className="text-xs text-slate-500">Loading scaling activities…</p>;
  if (q.isError) return <p className="text-xs text-red-700">{q.error.message}</p>;
  if (q.data.activities.length === 0)
    return <p className="text-xs text-slate-500">No scaling activity yet.</p>;
  return (
    <ul className="mt-1 space-y-1 text-xs" data-testid="scaling-activities">
      {q.data.activities.map((a) => (
        <li key={a.id} title={a.cause}>
          <TimeAgo at={a.startedAt} /> · {a.description}{" "}
          <span className={a.status === "Failed" ? "text-red-700" : "text-slate-500"}>({a.status})</span>
        </li>
      ))}
    </ul>
  );
}
