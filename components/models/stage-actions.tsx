"use client";

import { useState } from "react";
import { decisionUrls } from "@/lib/query-options/approvals";
import type { VersionPage } from "@/lib/models/version";
import { RolloutStatus } from "./rollout-status";
import { useDecision } from "./use-decision";
import { Button } from "@/components/ui/button";

/** Promote to Staging / Production and roll back Production, with the reason the rules ask for. */
export function StageActions({ page }: { page: VersionPage }) {
  const v = page.version;
  const [reason, setReason] = useState("");
  const promote = useDecision(decisionUrls.promote(v.group, v.version));
  const rollback = useDecision(decisionUrls.rollback(v.group));
  const busy = promote.isPending || rollback.isPending;
  const started = promote.data?.decision ?? rollback.data?.decision;
  const error = promote.error ?? rollback.error;
  const a = page.allowedActions;
  if (!a.promoteStaging.allowed && !a.promoteProduction.allowed && !a.rollbackProduction.allowed && !started)
    return null;
  const expectedStage = v.stage ?? "Development";
  const hasReason = reason.trim().length >= 3;
  return (
    <div className="space-y-2">
      <label htmlFor="stage-reason" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        Reason (required for Production and rollback)
      </label>
      <textarea
        id="stage-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={900}
        className="w-full rounded border border-slate-300 p-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <div className="flex flex-wrap gap-2">
        {a.promoteStaging.allowed ? (
          <Button
            variant="primary"
            disabled={busy}
            onClick={() => promote.mutate({ stage: "Staging", expectedStage, reason: reason || undefined })}
          >
            Promote to Staging
          </Button>
        ) : null}
        {a.promoteProduction.allowed ? (
          <Button
            variant="primary"
            disabled={busy || !hasReason}
            title={hasReason ? undefined : "Write a reason to promote to Production"}
            onClick={() => promote.mutate({ stage: "Production", expectedStage, reason })}
          >
            Promote to Production
          </Button>
        ) : null}
        {a.rollbackProduction.allowed ? (
          <Button
            variant="danger"
            pending={rollback.isPending}
            disabled={busy || !hasReason}
            title={hasReason ? undefined : "Write a reason to roll back"}
            onClick={() => rollback.mutate({ stage: "Production", expectedVersion: v.version, reason })}
          >
            Roll back Production
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="status" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      {started ? <RolloutStatus id={started.id} /> : null}
    </div>
  );
}
