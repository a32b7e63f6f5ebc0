"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState, LoadingBlock } from "@/components/ui/states";
import { formatDuration, Timestamp } from "@/components/ui/timestamp";
import { pipelineQueries } from "@/lib/query-options/pipelines";
import { lazyComponent } from "@/components/ui/lazy";
import { RunActions } from "./run-actions";
import { StatusBadge } from "./status-badge";
import { jobOfStep } from "@/lib/pipelines/logs/job";
import { StepGraph } from "./step-graph";
import { Button } from "@/components/ui/button";
import Link from "next/link";
import { routes } from "@/lib/routes";
import { attemptDuration } from "@/lib/pipelines/attempt";

/*
 * Loaded when shown, not with the page (issue 18's first-load budget): the timeline carries react-virtual and
 * is the view only for big graphs or when chosen; logs open with a step; the re-run panel only for ended runs,
 * the failure summary only for failed ones; step details fill in beside the graph.
 */
const StepTimeline = lazyComponent(() => import("./step-timeline").then((m) => m.StepTimeline), {
  loading: () => <LoadingBlock rows={6} label="Loading the timeline" />,
});
const StepLogs = lazyComponent(() => import("./step-logs").then((m) => m.StepLogs), {
  loading: () => <LoadingBlock rows={3} label="Loading logs" />,
});
const RerunPanel = lazyComponent(() => import("./rerun-panel").then((m) => m.RerunPanel));
const FailureSummary = lazyComponent(() => import("./failure-summary").then((m) => m.FailureSummary));
const StepDetails = lazyComponent(() => import("./step-details").then((m) => m.StepDetails));

/** Graphs of this many steps or more are shown as a timeline. */
export const TIMELINE_THRESHOLD = 100;

export function ExecutionView({ pipeline, id, canRun }: { pipeline: string; id: string; canRun: boolean }) {
  const query = useQuery(pipelineQueries.execution(pipeline, id));
  const [selected, setSelected] = useState<string | undefined>();
  const [view, setView] = useState<"auto" | "graph" | "timeline">("auto");
  if (query.isError) return <ErrorState message={query.error.message} retry={() => void query.refetch()} />;
  const e = query.data;
  if (!e) return <LoadingBlock rows={6} label="Loading execution" />;
  const total = Math.max(e.steps.length, e.definitionSteps.length);
  const mode = view === "auto" ? (total >= TIMELINE_THRESHOLD ? "timeline" : "graph") : view;
  const failedFirst = [...e.steps].sort(
    (a, b) => Number(b.status === "Failed") - Number(a.status === "Failed"),
  );
  const selectedStep = e.steps.find((s) => s.name === selected);
  const selectedDef = e.definitionSteps.find((s) => s.name === selected);
  const attempt = attemptDuration(e, query.dataUpdatedAt);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-4">
        {e.displayName && e.displayName !== e.id ? (
          <span className="font-medium" data-testid="execution-display-name">
            {e.displayName}
          </span>
        ) : null}
        <span data-testid="execution-status">
          <StatusBadge status={e.status} />
        </span>
        <span className="text-sm">
          Started <Timestamp at={e.startedAt} /> by {e.startedBy ?? "—"}
        </span>
        <span className="text-sm" data-testid="execution-duration">
          {attempt.retried ? "Retry duration" : "Duration"} {formatDuration(attempt.ms)}
        </span>
        {canRun ? <RunActions pipeline={pipeline} id={id} status={e.status} /> : null}
      </div>
      {e.rerunOf ? (
        <p className="text-sm" data-testid="rerun-of">
          Re-run of{" "}
          <Link
            className="font-mono text-sky-700 hover:underline"
            href={`${routes.pipelines}/${encodeURIComponent(pipeline)}/executions/${e.rerunOf.id}`}
          >
            {e.rerunOf.id}
          </Link>{" "}
          from steps {e.rerunOf.steps.join(", ")}
        </p>
      ) : null}
      {e.status === "Failed" ? (
        <FailureSummary pipeline={pipeline} id={id} />
      ) : e.failureReason ? (
        <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
          {e.failureReason}
        </p>
      ) : null}
      <div className="flex gap-2 text-sm">
        {(["auto", "graph", "timeline"] as const).map((v) => (
          <Button
            key={v}
            size="sm"
            onClick={() => setView(v)}
            className={view === v ? "border-sky-500 bg-sky-50 dark:bg-sky-950" : undefined}
          >
            {v === "auto" ? `Auto (${mode})` : v === "graph" ? "Graph" : "Timeline"}
          </Button>
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          {mode === "graph" ? (
            <StepGraph
              definition={e.definitionSteps}
              steps={e.steps}
              selected={selected}
              onSelect={setSelected}
            />
          ) : (
            <StepTimeline steps={e.steps} onSelect={setSelected} now={query.dataUpdatedAt} />
          )}
          {selectedStep && jobOfStep(selectedStep) ? (
            <StepLogs key={selectedStep.name} pipeline={pipeline} id={id} step={selectedStep} />
          ) : null}
          <div>
            <h2 className="mb-2 font-semibold">Steps (failed first)</h2>
            <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-900" data-testid="steps-list">
              {failedFirst.slice(0, 200).map((s) => (
                <li key={s.name} className="flex items-center gap-3 py-1">
                  <StatusBadge status={s.status} />
                  <button
                    type="button"
                    className="font-mono text-sky-700 hover:underline"
                    onClick={() => setSelected(s.name)}
                  >
                    {s.name}
                  </button>
                  {s.failureReason ? <span className="truncate text-red-700">{s.failureReason}</span> : null}
                  {s.reusedFromArn ? <span className="text-xs text-slate-500">reused</span> : null}
                </li>
              ))}
            </ul>
          </div>
        </div>
        <aside className="space-y-6">
          {canRun && (e.status === "Failed" || e.status === "Succeeded") ? (
            <RerunPanel key={e.id} pipeline={pipeline} execution={e} />
          ) : null}
          <div className="rounded border border-slate-200 p-3 dark:border-slate-800">
            <StepDetails
              pipeline={pipeline}
              id={id}
              step={selectedStep}
              definition={selectedDef}
              parameters={e.parameters}
            />
          </div>
          <div>
            <h2 className="mb-2 font-semibold">Parameters</h2>
            <dl
              className="grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs"
              data-testid="execution-parameters"
            >
              {Object.entries(e.parameters).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="break-all">{v}</dd>
                </div>
              ))}
            </dl>
          </div>
        </aside>
      </div>
    </div>
  );
}
