"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { TimeAgo } from "@/components/ui/time-ago";
import { deployPipelineQueries } from "@/lib/query-options/deploy-pipelines";

const tone = (s: string) =>
  s === "Succeeded"
    ? "text-emerald-700"
    : s === "Failed"
      ? "text-red-700"
      : s === "InProgress"
        ? "text-amber-700"
        : "text-slate-500";

/** How the group deploys; for a pipeline-deployed one, the executions that deployed this version, stage by stage. */
export function DeployProgressPanel({ group, version }: { group: string; version: number }) {
  const q = useQuery(deployPipelineQueries.progress(group, version));
  if (q.isPending) return <LoadingBlock rows={2} label="Loading the deploy pipeline" />;
  if (q.isError) return <ErrorState message={q.error.message} retry={() => void q.refetch()} />;
  const { deployment, executions } = q.data;
  if (deployment.mode === "direct")
    return (
      <p className="text-sm" data-testid="deployment-mode">
        Deployed directly by SageDeck: promote to Staging and Production from this page.
      </p>
    );
  return (
    <div className="space-y-3 text-sm" data-testid="deploy-progress">
      <p data-testid="deployment-mode">
        Deployed by the pipeline <strong>{deployment.pipeline}</strong> (account {deployment.account}):
        approving the version starts it; its approval gate is answered from the approvals inbox.
      </p>
      {executions.length === 0 ? <p>No execution of it has deployed this version.</p> : null}
      {executions.map((e) => (
        <div
          key={e.id}
          className="rounded border border-slate-200 p-2 dark:border-slate-800"
          data-testid="deploy-execution"
        >
          <p>
            Execution {e.id.slice(0, 8)} · <span className={tone(e.status)}>{e.status}</span> · started{" "}
            <TimeAgo at={e.startedAt} />
            {e.matchedBy === "approval time" ? " · matched by the approval's time (no deploy step yet)" : ""}
            {e.consoleUrl ? (
              <>
                {" · "}
                <a
                  href={e.consoleUrl}
                  target="_blank"
                  rel="noreferrer"
                  className="text-sky-700 hover:underline"
                >
                  timeline in the AWS console
                </a>
              </>
            ) : null}
          </p>
          <ol className="mt-1 space-y-0.5">
            {e.stages.map((s) => (
              <li key={s.stage} data-testid={`stage-${s.stage}`}>
                <span className="font-medium">{s.stage}</span>:{" "}
                <span className={tone(s.status)}>{s.status}</span>
                {s.actions.length > 1
                  ? ` (${s.actions.map((a) => `${a.action} ${a.status}`).join(", ")})`
                  : ""}
                {s.endedAt ? (
                  <>
                    {" · "}
                    <TimeAgo at={s.endedAt} />
                  </>
                ) : null}
                {s.failure ? <span className="text-red-700"> — {s.failure}</span> : null}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
