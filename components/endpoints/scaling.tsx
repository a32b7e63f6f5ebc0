"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import type { EndpointScaling } from "@/lib/endpoints/scaling";
import { endpointQueries } from "@/lib/query-options/endpoints";

/** "2 / 3 × ml.m5.large": current / desired instances (desired only when it differs) and the instance type. */
export function instancesText(s: EndpointScaling): string {
  const count =
    s.desiredCount !== undefined && s.desiredCount !== s.currentCount
      ? `${s.currentCount ?? "?"} → ${s.desiredCount}`
      : String(s.currentCount ?? "?");
  return s.instanceType ? `${count} × ${s.instanceType}` : count;
}

/** The newest scaling activities of an endpoint, read when opened. */
function Activities({ endpoint, account }: { endpoint: string; account: string }) {
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

/** Min–max and the target-tracking policy; a production endpoint without a policy is flagged. */
export function ScalingSummary({
  scaling,
  endpoint,
  account,
}: {
  scaling: EndpointScaling;
  endpoint: string;
  account: string;
}) {
  const [open, setOpen] = useState(false);
  if (!scaling.readable) return <span className="text-amber-700">could not be read</span>;
  const registered = scaling.min !== undefined && scaling.max !== undefined;
  return (
    <div className="text-xs" data-testid="endpoint-scaling">
      {scaling.unscaled ? (
        <Badge tone="red">No autoscaling</Badge>
      ) : registered ? (
        <span>
          {scaling.min}–{scaling.max} instances
          {scaling.target !== undefined
            ? `, target ${scaling.target} invocations/instance/min`
            : ", no policy"}
        </span>
      ) : (
        <span className="text-slate-500">fixed</span>
      )}
      {registered ? (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="cursor-pointer text-sky-700 dark:text-sky-400">Scaling activity</summary>
          {open ? <Activities endpoint={endpoint} account={account} /> : null}
        </details>
      ) : null}
    </div>
  );
}
