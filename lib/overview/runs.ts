/**
 * The scientist's overview section: the pipeline runs this user started through SageDeck (SageDeck's record
 * of run starts, pipeline_run_actions) with their live status from SageMaker, and the newest experiment runs.
 */
import type { Db } from "@/lib/db";
import { startsBy } from "@/lib/db/run-actions";
import { isAppError } from "@/lib/errors";
import type { RunDetail } from "@/lib/experiments/types";
import { executionStatus, newestExperimentRuns } from "@/lib/sagemaker/overview";
import { executionIdOf, pipelineNameOfExecution } from "@/lib/sagemaker/pipelines/mappers";
import type { ExecutionStatus } from "@/lib/sagemaker/pipelines/types";

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

/** The user's recent runs, each with one (cached) DescribePipelineExecution; one failed read marks only its row. */
export async function getMyPipelineRuns(
  db: Db,
  username: string,
  limit = RECENT_LIMIT,
): Promise<MyPipelineRuns> {
  const started = await startedBy(db, username, limit);
  const items = await Promise.all(
    started.map(async ({ executionArn, at }): Promise<MyPipelineRun> => {
      const base = {
        executionArn,
        executionId: executionIdOf(executionArn),
        pipelineName: pipelineNameOfExecution(executionArn),
      };
      try {
        const s = await executionStatus(executionArn);
        return {
          ...base,
          displayName: s.displayName,
          startedAt: s.startedAt ?? at,
          status: s.status,
          failureReason: s.failureReason,
        };
      } catch (err) {
        const message = isAppError(err) ? err.message : "Could not read its status from SageMaker.";
        return { ...base, displayName: base.executionId, startedAt: at, statusError: message };
      }
    }),
  );
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
