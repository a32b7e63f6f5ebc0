"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { approvalQueries } from "@/lib/query-options/approvals";
import { modelQueries } from "@/lib/query-options/models";
import type { VersionPage } from "@/lib/models/version";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatElapsed, rolloutProgress, type PhaseState } from "./rollout-phases";

const MARK: Record<PhaseState, string> = { done: "✓", active: "…", waiting: "○", failed: "✗" };
const TONE: Record<string, BadgeTone> = {
  Starting: "blue",
  "Rolling out": "blue",
  Finishing: "blue",
  InService: "green",
  Failed: "red",
};

/**
 * Follows a promotion's or rollback's rollout (polls while deploying): its phases (model, endpoint config, endpoint
 * Updating → InService) with the elapsed time. It says InService only once the endpoint the page shows says so too:
 * while the decision is applied but the page still reads Updating, it refreshes the page instead.
 */
export function RolloutStatus({ id, endpoints }: { id: string; endpoints?: VersionPage["stages"] }) {
  const qc = useQueryClient();
  const q = useQuery(approvalQueries.decision(id));
  const d = q.data?.decision;
  const state = d?.state;
  const [now, setNow] = useState(() => Date.now());
  const endpoint =
    d?.targetStage === "Staging" || d?.targetStage === "Production" ? endpoints?.[d.targetStage] : undefined;
  const progress = d ? rolloutProgress(d, endpoint, now) : undefined;
  const running = progress ? progress.label !== "InService" && progress.label !== "Failed" : true;
  useEffect(() => {
    if (state === "applied" || state === "failed") void qc.invalidateQueries({ queryKey: modelQueries.all });
  }, [state, qc]);
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running]);
  const lagging = progress?.endpointLagging ?? false;
  useEffect(() => {
    if (!lagging) return;
    const t = setInterval(() => void qc.invalidateQueries({ queryKey: modelQueries.all }), 3000);
    return () => clearInterval(t);
  }, [lagging, qc]);
  if (!d || !progress) return <p className="text-sm text-slate-500">Checking the rollout…</p>;
  return (
    <div
      role="status"
      data-testid="rollout-status"
      data-rollout-label={progress.label}
      data-decision-id={d.id}
      className="space-y-1 text-sm"
    >
      <p>
        {d.action === "rollback" ? "Rollback" : "Promotion"} of version {d.version} to {d.targetStage} on{" "}
        {d.endpointName}: <Badge tone={TONE[progress.label] ?? "neutral"}>{progress.label}</Badge>{" "}
        <span className="text-slate-500" data-testid="rollout-elapsed">
          {formatElapsed(progress.elapsedMs)}
          {running ? " so far" : ""}
        </span>
      </p>
      <ol className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Rollout phases">
        {progress.phases.map((p) => (
          <li
            key={p.label}
            data-phase-state={p.state}
            className={
              p.state === "done"
                ? "text-emerald-700 dark:text-emerald-400"
                : p.state === "failed"
                  ? "text-red-700 dark:text-red-400"
                  : p.state === "active"
                    ? "font-medium"
                    : "text-slate-500"
            }
          >
            <span aria-hidden>{MARK[p.state]}</span> {p.label}
            <span className="sr-only"> ({p.state})</span>
          </li>
        ))}
      </ol>
      {d.state === "failed" && d.outcome ? (
        <p data-testid="rollout-outcome" className="text-red-700 dark:text-red-400">
          {d.outcome}
        </p>
      ) : null}
      {d.warning ? (
        <p data-testid="decision-warning" className="mt-1 text-amber-800 dark:text-amber-300">
          Warning: {d.warning}
        </p>
      ) : null}
    </div>
  );
}
