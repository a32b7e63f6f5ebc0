"use client";

import { Timestamp } from "@/components/ui/timestamp";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import type { OutsideChange } from "@/lib/approvals/outside-detect";
import { OutsideChangeLine } from "./outside-change";

/** A banner on the version: what SageMaker shows that no SageDeck decision produced. */
export function OutsideBanner({ outside }: { outside: OutsideChange[] }) {
  if (outside.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="outside-banner"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 lg:col-span-2 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <p className="font-semibold">Changed outside SageDeck — no SageDeck decision is on record for this.</p>
      <ul className="mt-1 space-y-1">
        {outside.map((c) => (
          <li key={`${c.kind}:${c.to}`}>
            <OutsideChangeLine change={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * SageMaker's own record of the version's approval and stage, labelled as such (not a SageDeck decision): who last
 * modified it (a Studio user profile or an IAM identity), when, and its ApprovalDescription.
 */
export function SageMakerRecord({ version: v }: { version: ModelVersionDetail }) {
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 break-words">{value}</dd>
    </div>
  );
  return (
    <section
      aria-label="SageMaker's record"
      data-testid="sagemaker-record"
      className="rounded border border-dashed border-slate-300 p-2 text-sm dark:border-slate-700"
    >
      <h3 className="font-medium">Recorded in SageMaker, not by SageDeck</h3>
      <dl className="mt-1">
        {row("ModelApprovalStatus", v.approvalStatus)}
        {row(
          "LastModifiedBy",
          v.lastModifiedBy ? (
            <>
              {v.lastModifiedBy} <span className="text-slate-500">(Studio user profile or IAM identity)</span>
            </>
          ) : (
            "SageMaker's record names nobody"
          ),
        )}
        {row("LastModifiedTime", <Timestamp at={v.lastModifiedAt} />)}
        {row(
          "ApprovalDescription",
          v.approvalDescription ? `“${v.approvalDescription}”` : "none given in SageMaker",
        )}
        {row("ModelLifeCycle", v.stage ? `${v.stage}${v.stageStatus ? ` (${v.stageStatus})` : ""}` : "—")}
        {row("CreatedBy", v.registeredBy ?? "—")}
      </dl>
    </section>
  );
}
