"use client";

import { useState } from "react";
import { decisionUrls } from "@/lib/query-options/approvals";
import type { Allowed } from "@/lib/approvals/allowed";
import type { VersionPage } from "@/lib/models/version";
import { RolloutStatus } from "./rollout-status";
import { useDecision } from "./use-decision";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Offered but blocked (e.g. the group's policy does not grant the stage's account): shown disabled with why. */
const offered = (x: Allowed): string | undefined => (!x.allowed && x.offered ? x.reason : undefined);

/** A promotion the user may not run yet: the button, disabled, and the reason beside it. */
function Blocked({ label, reason }: { label: string; reason: string }) {
  const id = `${label.toLowerCase().replace(/\s+/g, "-")}-blocked`;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="primary" disabled title={reason} aria-describedby={id}>
        {label}
      </Button>
      <span id={id} className="text-xs text-slate-600 dark:text-slate-400">
        {reason}
      </span>
    </span>
  );
}

/** Promote to Staging / Production and roll back Production, with the reason the rules ask for. */
export function StageActions({ page }: { page: VersionPage }) {
  const v = page.version;
  const [reason, setReason] = useState("");
  // a started promotion or rollback is on record with its reason: the box is ready for the next one
  const clearReason = () => setReason("");
  const promote = useDecision(decisionUrls.promote(v.group, v.version), clearReason);
  const rollback = useDecision(decisionUrls.rollback(v.group), clearReason);
  const busy = promote.isPending || rollback.isPending;
  // the rollout started here, else one under way (a reload, another user) from the decision history
  const started =
    promote.data?.decision ??
    rollback.data?.decision ??
    page.history.find((d) => d.targetStage && (d.state === "deploying" || d.state === "pending"));
  const error = promote.error ?? rollback.error;
  const a = page.allowedActions;
  const blockedStaging = offered(a.promoteStaging);
  const blockedProduction = offered(a.promoteProduction);
  const anyOffered = a.promoteStaging.allowed || a.promoteProduction.allowed || a.rollbackProduction.allowed;
  if (!anyOffered && !blockedStaging && !blockedProduction && !started) return null;
  const expectedStage = v.stage ?? "Development";
  const hasReason = reason.trim().length >= 3;
  const what = `${v.group} version ${v.version}`;
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
          <ConfirmButton
            variant="primary"
            disabled={busy}
            question={`Deploy ${what} to the Staging endpoint?`}
            confirmLabel="Confirm promote to Staging"
            onConfirm={() =>
              promote.mutate({ stage: "Staging", expectedStage, reason: reason.trim() || undefined })
            }
          >
            Promote to Staging
          </ConfirmButton>
        ) : blockedStaging ? (
          <Blocked label="Promote to Staging" reason={blockedStaging} />
        ) : null}
        {a.promoteProduction.allowed ? (
          <ConfirmButton
            variant="primary"
            disabled={busy || !hasReason}
            title={hasReason ? undefined : "Write a reason to promote to Production"}
            question={`Deploy ${what} to the Production endpoint?`}
            confirmLabel="Confirm promote to Production"
            onConfirm={() => promote.mutate({ stage: "Production", expectedStage, reason })}
          >
            Promote to Production
          </ConfirmButton>
        ) : blockedProduction ? (
          <Blocked label="Promote to Production" reason={blockedProduction} />
        ) : null}
        {a.rollbackProduction.allowed ? (
          <ConfirmButton
            variant="danger"
            pending={rollback.isPending}
            disabled={busy || !hasReason}
            title={hasReason ? undefined : "Write a reason to roll back"}
            question={`Roll Production back from ${what} to the version it served before?`}
            confirmLabel="Confirm roll back"
            onConfirm={() => rollback.mutate({ stage: "Production", expectedVersion: v.version, reason })}
          >
            Roll back Production
          </ConfirmButton>
        ) : null}
      </div>
      {error ? (
        <p role="status" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      {started ? <RolloutStatus id={started.id} endpoints={page.stages} /> : null}
    </div>
  );
}
