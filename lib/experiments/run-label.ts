/**
 * How a run is named on screen. A pipeline's steps all log runs with the step's name ("Train"), so a
 * pipeline run is told apart by its execution and start time: "Train · exec 3f9a2c · 2026-11-30 14:02 UTC".
 */
import type { RunRow } from "./types";

type Labelled = Pick<RunRow, "name" | "displayName" | "executionId" | "startedAt">;

/** "2026-11-30 14:02 UTC" (UTC, so server and browser render the same text). */
export function shortTime(at: number | undefined): string | undefined {
  if (at === undefined) return undefined;
  return `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The run's full label: display name, then the execution and start time for a pipeline's run. */
export function runLabel(r: Labelled): string {
  if (!r.executionId) return r.displayName || r.name;
  const at = shortTime(r.startedAt);
  return [r.displayName || r.name, `exec ${r.executionId}`, ...(at ? [at] : [])].join(" · ");
}

/** A short label for chart axes: "Train · 3f9a2c" (the execution id's first 8 characters). */
export function runAxisLabel(r: Labelled): string {
  if (!r.executionId) return r.displayName || r.name;
  return `${r.displayName || r.name} · ${r.executionId.slice(0, 8)}`;
}

/** The execution page of a pipeline run (SageMaker names a pipeline's experiment after the pipeline). */
export function executionHref(pipeline: string, executionId: string): string {
  return `/pipelines/${encodeURIComponent(pipeline)}/executions/${encodeURIComponent(executionId)}`;
}
