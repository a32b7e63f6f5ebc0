/**
 * The scientist's overview section: the pipeline runs this user started through SageDeck (SageDeck's record
 * of run starts, pipeline_run_actions) with their live status from SageMaker, and the newest experiment runs.
 */
import type { Db } from "@/lib/db";
import { startsBy } from "@/lib/db/run-actions";
import { isAppError } from "@/lib/errors";
import type { RunDetail } from "@/lib/experiments/types";
import { executionStatuses, newestExperimentRuns } from "@/lib/sagemaker/overview";
import { executionIdOf, pipelineNameOfExecution } from "@/lib/sagemaker/pipelines/mappers";
import type { ExecutionStatus, ExecutionSummary } from "@/lib/sagemaker/pipelines/types";

export const RECENT_LIMIT = 5;

/** One run the user started; `status` is SageMaker's, or `statusError` says why it could not be read. */
export interface MyPipelineRun {
  executionArn: string;
  executionId: string;
  pipelineName: string;
  displayName: string;
  startedAt: number;
  status?: ExecutionStatus;
  failureReason?: string;
  statusError?: string;
}

export interface MyPipelineRuns {
  items: MyPipelineRun[];
}

export interface NewestExperimentRuns {
  items: Pick<RunDetail, "name" | "displayName" | "status" | "startedAt" | "experimentName">[];
}

/** The executions `username` started through SageDeck (newest first, each once). */
export function startedBy(
  db: Db,
  username: string,
  limit: number,
): Promise<{ executionArn: string; at: number }[]> {
  return startsBy(db, username, limit);
}

/**
 * The user's recent runs with their live status from one (cached) Search for all of them; when it fails, each row
 * says why and the list still answers.
 */
export async function getMyPipelineRuns(
  db: Db,
  username: string,
  limit = RECENT_LIMIT,
): Promise<MyPipelineRuns> {
  const started = await startedBy(db, username, limit);
  let statuses: Map<string, ExecutionSummary> | { error: string } = new Map();
  if (started.length > 0)
    statuses = await executionStatuses(started.map((s) => s.executionArn)).catch((err: unknown) => ({
      error: isAppError(err) ? err.message : "Could not read its status from SageMaker.",
    }));
  const items = started.map(({ executionArn, at }): MyPipelineRun => {
    const executionId = executionIdOf(executionArn);
    const base = { executionArn, executionId, pipelineName: pipelineNameOfExecution(executionArn) };
    const s = statuses instanceof Map ? statuses.get(executionArn) : undefined;
    if (!s) {
      const statusError =
        statuses instanceof Map
          ? "SageMaker no longer has this pipeline execution; it may have been deleted with its pipeline."
          : statuses.error;
      return { ...base, displayName: executionId, startedAt: at, statusError };
    }
    return {
      ...base,
      displayName: s.displayName,
      startedAt: s.startedAt ?? at,
      status: s.status,
      failureReason: s.failureReason,
    };
  });
  return { items };
}

/** The newest experiment runs across experiments (one Search). */
export async function getNewestExperimentRuns(limit = RECENT_LIMIT): Promise<NewestExperimentRuns> {
  const runs = await newestExperimentRuns(limit);
  return {
    items: runs.map((r) => ({
      name: r.name,
      displayName: r.displayName,
      status: r.status,
      startedAt: r.startedAt,
      experimentName: r.experimentName,
    })),
  };
}
