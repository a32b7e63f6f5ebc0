"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { lazyComponent } from "@/components/ui/lazy";
import type { EndpointScaling } from "@/lib/endpoints/scaling";

/** "2 / 3 × ml.m5.large": current / desired instances (desired only when it differs) and the instance type. */
export function instancesText(s: EndpointScaling): string {
  const count =
    s.desiredCount !== undefined && s.desiredCount !== s.currentCount
      ? `${s.currentCount ?? "?"} → ${s.desiredCount}`
      : String(s.currentCount ?? "?");
  return s.instanceType ? `${count} × ${s.instanceType}` : count;
}

/** The activity list, loaded when someone opens it (issue 18: not in the endpoints pages' first load). */
const Activities = lazyComponent(() => import("./scaling-activities").then((m) => m.ScalingActivities), {
  loading: () => <p className="text-xs text-slate-500">Loading scaling activities…</p>,
});

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
