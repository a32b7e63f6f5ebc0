import { TimeAgo } from "@/components/ui/time-ago";
import type { DecisionView } from "@/lib/services/decisions-types";
import { StatusBadge } from "./approval-badge";

const VERB: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  promote: "Promoted",
  rollback: "Rolled back to",
};

/** Every decision made in SageDeck on this version, newest first. */
export function DecisionHistory({ history, arn }: { history: DecisionView[]; arn: string }) {
  if (history.length === 0) {
    return (
      <p className="text-sm text-slate-500">No decision has been made in SageDeck on this version yet.</p>
    );
  }
  return (
    <ol className="space-y-2" aria-label="Decision history">
      {history.map((d) => (
        <li key={d.id} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={d.state} />
            <span className="font-medium">
              {d.arn === arn
                ? `${VERB[d.action] ?? d.action} ${d.targetStage ? `to ${d.targetStage}` : ""}`
                : d.action === "rollback"
                  ? `Rolled back in ${d.targetStage}: version ${d.version} restored`
                  : `Replaced in ${d.targetStage} by version ${d.version}`}
            </span>
            <span>by {d.actorName}</span>
            <TimeAgo at={d.createdAt} className="text-slate-500" />
            <span className="text-slate-500">
              ({d.expectedStatus} → {d.toStatus})
            </span>
          </div>
          {d.reason ? <p className="mt-1">“{d.reason}”</p> : null}
          {d.outcome ? <p className="mt-1 text-slate-600 dark:text-slate-400">{d.outcome}</p> : null}
        </li>
      ))}
    </ol>
  );
}
