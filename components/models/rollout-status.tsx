"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { approvalQueries } from "@/lib/query-options/approvals";
import { modelQueries } from "@/lib/query-options/models";
import { StatusBadge } from "./approval-badge";

/** Follows a promotion's rollout (polls while deploying) and refreshes the page when it ends. */
export function RolloutStatus({ id }: { id: string }) {
  const qc = useQueryClient();
  const q = useQuery(approvalQueries.decision(id));
  const state = q.data?.decision.state;
  useEffect(() => {
    if (state === "applied" || state === "failed") void qc.invalidateQueries({ queryKey: modelQueries.all });
  }, [state, qc]);
  if (!q.data) return <p className="text-sm text-slate-500">Checking the rollout…</p>;
  const d = q.data.decision;
  return (
    <div role="status" data-testid="rollout-status" className="text-sm">
      <p>
        {d.action === "rollback" ? "Rollback" : "Promotion"} of version {d.version} to {d.targetStage} on{" "}
        {d.endpointName}: <StatusBadge status={d.state} /> {d.outcome}
      </p>
      {d.warning ? (
        <p data-testid="decision-warning" className="mt-1 text-amber-800 dark:text-amber-300">
          Warning: {d.warning}
        </p>
      ) : null}
    </div>
  );
}
