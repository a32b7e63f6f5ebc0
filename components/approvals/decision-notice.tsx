"use client";

import Link from "next/link";
import type { DecisionView } from "@/lib/approvals/types";
import { decidedLabel, decisionRecordHref } from "@/components/models/decision-form";
import { Button } from "@/components/ui/button";

/**
 * What the last inbox decision did, after its card has left the list: the version, the outcome and a link to the
 * decision's record. The live region is always rendered, so screen readers announce the notice when it appears.
 */
export function DecisionNotice({
  decision: d,
  onDismiss,
}: {
  decision: DecisionView | null;
  onDismiss: () => void;
}) {
  return (
    // a toast: fixed in view, wherever the next card scrolled the page to
    <div
      role="status"
      aria-live="polite"
      data-testid="decision-notice"
      className="fixed right-4 bottom-4 z-50 max-w-md shadow-lg"
    >
      {d ? (
        <div
          className={`flex flex-wrap items-center gap-2 rounded-md border p-3 text-sm ${d.state === "failed" ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200" : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"}`}
        >
          <span>
            <strong>{decidedLabel(d)}</strong> by {d.actorName}
            {d.reason ? ` — “${d.reason}”` : ""}. {d.outcome}
          </span>
          <Link href={decisionRecordHref(d)} className="text-sky-700 underline dark:text-sky-300">
            See the decision&apos;s record
          </Link>
          <Button size="sm" variant="ghost" onClick={onDismiss} className="ml-auto">
            Dismiss
          </Button>
        </div>
      ) : null}
    </div>
  );
}
