"use client";

import { useState } from "react";
import { decisionUrls } from "@/lib/query-options/approvals";
import type { ApprovalStatus } from "@/lib/sagemaker/registry/types";
import { useDecision } from "./use-decision";
import { Button } from "@/components/ui/button";

/** Approve or reject inline; a reason is required to reject (the server checks it too). */
export function DecisionForm({
  group,
  version,
  expectedStatus,
  canApprove = true,
  canReject = true,
}: {
  group: string;
  version: number;
  expectedStatus: ApprovalStatus;
  canApprove?: boolean;
  canReject?: boolean;
}) {
  const [reason, setReason] = useState("");
  const approve = useDecision(decisionUrls.approve(group, version));
  const reject = useDecision(decisionUrls.reject(group, version));
  const busy = approve.isPending || reject.isPending;
  const error = approve.error ?? reject.error;
  const done = approve.data ?? reject.data;
  const id = `reason-${group}-${version}`;

  if (done) {
    return (
      <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {done.decision.toStatus} by {done.decision.actorName}. {done.decision.outcome}
      </p>
    );
  }
  return (
    <form className="space-y-2" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        Reason (required to reject)
      </label>
      <textarea
        id={id}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={900}
        className="w-full rounded border border-slate-300 p-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <div className="flex gap-2">
        {canApprove ? (
          <Button
            variant="primary"
            pending={approve.isPending}
            disabled={busy}
            onClick={() => approve.mutate({ expectedStatus, reason: reason || undefined })}
          >
            Approve
          </Button>
        ) : null}
        {canReject ? (
          <Button
            variant="danger"
            pending={reject.isPending}
            disabled={busy || reason.trim().length < 3}
            title={reason.trim().length < 3 ? "Write a reason to reject" : undefined}
            onClick={() => reject.mutate({ expectedStatus, reason })}
          >
            Reject
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="status" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
