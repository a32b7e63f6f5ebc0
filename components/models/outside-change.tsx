"use client";

import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { OutsideChange } from "@/lib/approvals/outside-detect";

/** "approved outside SageDeck", "put in Production outside SageDeck", … */
export function outsideLabel(c: OutsideChange): string {
  if (c.kind === "approval") return `${c.to.toLowerCase()} outside SageDeck`;
  return c.via === "endpoint" ? `served by ${c.to} outside SageDeck` : `put in ${c.to} outside SageDeck`;
}

/** A compact flag for tables: the label, with SageMaker's who/when on hover. */
export function OutsideBadge({ changes }: { changes: OutsideChange[] }) {
  if (changes.length === 0) return null;
  const title = changes
    .map((c) => `${outsideLabel(c)}${c.by ? ` — by ${c.by}` : ""} (from SageMaker's record)`)
    .join("; ");
  return (
    <span title={title} data-testid="outside-flag">
      <Badge tone="amber">{changes.map(outsideLabel).join(", ")}</Badge>
    </span>
  );
}

/** One change as SageMaker reports it: what, by whom, when, and its description, labelled as SageMaker's. */
export function OutsideChangeLine({ change: c }: { change: OutsideChange }) {
  return (
    <span>
      <strong className="capitalize">{outsideLabel(c)}</strong>
      {" — "}
      {c.by ? (
        <>
          by <span className="font-medium">{c.by}</span>{" "}
          <span className="text-slate-500">({c.byField}, from SageMaker&apos;s record)</span>
        </>
      ) : (
        <span className="text-slate-500">SageMaker&apos;s record names nobody</span>
      )}
      {c.at !== undefined && (
        <>
          , <Timestamp at={c.at} />
        </>
      )}
      {c.description && (
        <span className="block text-slate-600 dark:text-slate-400">
          {c.kind === "approval" ? "ApprovalDescription" : "StageDescription"}: “{c.description}”
        </span>
      )}
    </span>
  );
}
