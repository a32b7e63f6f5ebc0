import { TimeAgo } from "@/components/ui/time-ago";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import type { DecisionView } from "@/lib/approvals/types";
import type { OutsideChange } from "@/lib/approvals/outside-detect";
import { StatusBadge } from "./approval-badge";
import { SageMakerRecord } from "./sagemaker-record";

const VERB: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  promote: "Promoted",
  rollback: "Rolled back to",
};

/**
 * Every decision made in SageDeck on this version, newest first; when SageMaker shows a status SageDeck did
 * not decide (or SageDeck has no decision at all), SageMaker's own record follows, labelled as such.
 */
export function DecisionHistory({
  history,
  version,
  outside,
}: {
  history: DecisionView[];
  version: ModelVersionDetail;
  outside: OutsideChange[];
}) {
  const showRecord =
    outside.length > 0 || (history.length === 0 && version.approvalStatus !== "PendingManualApproval");
  return (
    <div className="space-y-2">
      {history.length > 0 ? (
        <SageDeckHistory history={history} arn={version.arn} />
      ) : showRecord ? null : (
        // decided outside SageDeck: SageMaker's record below is the history, not "no decision"
        <p className="text-sm text-slate-500">No decision yet: this version is waiting for approval.</p>
      )}
      {showRecord ? <SageMakerRecord version={version} /> : null}
    </div>
  );
}

function SageDeckHistory({ history, arn }: { history: DecisionView[]; arn: string }) {
  return (
    <ol className="space-y-2" aria-label="Decision history">
      {history.map((d) => (
        <li
          key={d.id}
          id={`decision-${d.id}`}
          className="scroll-mt-4 rounded border border-slate-200 p-2 text-sm target:border-sky-500 target:ring-2 target:ring-sky-300 dark:border-slate-800"
        >
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
