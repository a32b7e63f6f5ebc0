"use client";

import Link from "next/link";
import { useState } from "react";
import { decisionUrls } from "@/lib/query-options/approvals";
import type { DecisionView } from "@/lib/approvals/types";
import type { ApprovalStatus } from "@/lib/sagemaker/registry/types";
import { modelRoutes } from "@/lib/routes";
import { useDecision } from "./use-decision";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Where a decision's record is: its entry in the version's decision history. */
export const decisionRecordHref = (d: Pick<DecisionView, "group" | "version" | "id">) =>
  `${modelRoutes.version(d.group, d.version)}#decision-${d.id}`;

/** "Approved fraud-xgboost version 12" / "Rejected …" */
export const decidedLabel = (d: Pick<DecisionView, "action" | "group" | "version">) =>
  `${d.action === "reject" ? "Rejected" : "Approved"} ${d.group} version ${d.version}`;

const MIN_REASON = 3;

/**
 * Approve or reject inline, each with a confirmation step naming the version. A reason is required to reject, and
 * to approve unless the organisation made it optional (SAGEDECK_APPROVE_REASON; the server enforces the same rule).
 */
export function DecisionForm({
  group,
  version,
  expectedStatus,
  canApprove = true,
  canReject = true,
  reasonRequired = true,
  onDecided,
}: {
  group: string;
  version: number;
  expectedStatus: ApprovalStatus;
  canApprove?: boolean;
  canReject?: boolean;
  /** the organisation requires a reason to approve (Allowed.reasonRequired) */
  reasonRequired?: boolean;
  /** told once the decision is recorded (the inbox shows it and moves focus on) */
  onDecided?: (d: DecisionView) => void;
}) {
  const [reason, setReason] = useState("");
  const approve = useDecision(decisionUrls.approve(group, version), onDecided);
  const reject = useDecision(decisionUrls.reject(group, version), onDecided);
  const busy = approve.isPending || reject.isPending;
  const error = approve.error ?? reject.error;
  const done = approve.data ?? reject.data;
  const id = `reason-${group}-${version}`;
  const hasReason = reason.trim().length >= MIN_REASON;
  const what = `${group} version ${version}`;

  if (done) {
    const d = done.decision;
    return (
      <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {decidedLabel(d)} ({d.state}) by {d.actorName}. {d.outcome}{" "}
        <Link href={decisionRecordHref(d)} className="text-sky-700 hover:underline">
          See the decision&apos;s record
        </Link>
      </p>
    );
  }
  return (
    <form className="space-y-2" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        {reasonRequired ? "Reason (required)" : "Reason (optional to approve, required to reject)"}
      </label>
      <textarea
        id={id}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={900}
        className="w-full rounded border border-slate-300 p-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <div className="flex flex-wrap gap-2">
        {canApprove ? (
          <ConfirmButton
            variant="primary"
            pending={approve.isPending}
            disabled={busy || (reasonRequired && !hasReason)}
            title={reasonRequired && !hasReason ? "Write a reason to approve" : undefined}
            question={`Approve ${what}?`}
            confirmLabel="Confirm approve"
            onConfirm={() => approve.mutate({ expectedStatus, reason: reason.trim() || undefined })}
          >
            Approve
          </ConfirmButton>
        ) : null}
        {canReject ? (
          <ConfirmButton
            variant="danger"
            pending={reject.isPending}
            disabled={busy || !hasReason}
            title={hasReason ? undefined : "Write a reason to reject"}
            question={`Reject ${what}?`}
            confirmLabel="Confirm reject"
            onConfirm={() => reject.mutate({ expectedStatus, reason })}
          >
            Reject
          </ConfirmButton>
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
