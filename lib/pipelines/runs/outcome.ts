/**
 * Intent → call → outcome for run actions. The intent row is written before SageMaker is called; the
 * outcome (applied with the execution ARN, or failed with SageMaker's refusal) and its audit row are one
 * transaction. When SageMaker's answer is unknown (timeout, 5xx, a crash) or the outcome cannot be written,
 * the row stays pending and the reconciler (reconcile.ts) completes it by re-sending the same request with
 * the same ClientRequestToken.
 */
import { runAuditAction } from "@/lib/audit/actions";
import type { AuditEventInput } from "@/lib/db/audit";
import type { Db } from "@/lib/db/client";
import { finishRunAction } from "@/lib/db/run-actions";
import type { PipelineRunActionRow } from "@/lib/db/schema";
import { AppError, isAppError, RateLimitedError, RecordPendingError, type AppErrorCode } from "@/lib/errors";
import { executionIdOf } from "@/lib/sagemaker/pipelines/mappers";

/** Errors that mean SageMaker did not (and will not) do it: the action is failed, not left pending. */
const REFUSALS: AppErrorCode[] = [
  "bad_request",
  "forbidden",
  "not_found",
  "conflict",
  "unprocessable_entity",
  "rate_limited",
];

/** How many attempts the SDK made before giving up (its `$metadata.attempts`, on the translated error's cause). */
function attemptsOf(err: unknown): number {
  const cause = (err as { cause?: { $metadata?: { attempts?: number } } }).cause;
  return cause?.$metadata?.attempts ?? 1;
}

/**
 * Whether SageMaker definitely did not do it. Throttling is a refusal only when it answered the one and only
 * attempt: after retries, an earlier attempt may have been carried out with its answer lost (a 5xx or a timeout
 * after SageMaker acted) — the same ClientRequestToken then tells the reconciler what happened.
 */
export const isRefusal = (err: unknown): boolean =>
  isAppError(err) && REFUSALS.includes(err.code) && (err.code !== "rate_limited" || attemptsOf(err) <= 1);

/** The audit row of a finished action (one per action). */
export function runAudit(r: PipelineRunActionRow): AuditEventInput {
  return {
    actor: r.actor,
    actorRole: r.actorRole,
    action: runAuditAction(r.action),
    target: r.executionArn ?? `pipeline/${r.pipelineName}`,
    outcome: r.state === "failed" ? "failed" : "ok",
    details: {
      runActionId: r.id,
      actorName: r.actorName,
      pipeline: r.pipelineName,
      ...(r.action === "start" ? { parameters: r.parameters } : {}),
      ...(r.selective ? { rerunOf: r.selective.sourceExecutionArn, steps: r.selective.steps } : {}),
      ...(r.state === "failed" ? { error: r.outcome } : { message: r.outcome }),
    },
    requestId: r.requestId ?? undefined,
  };
}

/**
 * SageMaker's answer is unknown (throttled after retries, 5xx, a timeout): the error keeps its code (429, 503,
 * 504) and says that SageDeck finishes the action itself, so the user does not submit it a second time.
 */
function unknownAnswer(row: PipelineRunActionRow, err: unknown): unknown {
  if (!isAppError(err)) return err;
  const what = row.action === "start" ? "this start" : `this ${row.action}`;
  const message = `${err.message.replace(/\.?$/, ".")} SageDeck keeps ${what} and confirms it with SageMaker within a minute (it takes effect at most once); reload then instead of submitting again.`;
  return err instanceof RateLimitedError
    ? new RateLimitedError(message, err.retryAfterSeconds, { cause: err })
    : new AppError(err.code, message, { cause: err });
}

const DONE: Record<string, string> = {
  start: "Started in SageMaker",
  stop: "Stop requested in SageMaker",
  retry: "Retry started in SageMaker",
};

/**
 * Calls SageMaker for a pending action and records the outcome. `call` returns the execution ARN.
 * `refusal` turns SageMaker's refusal into the message the user sees (and the row records).
 */
export async function perform(
  db: Db,
  row: PipelineRunActionRow,
  call: () => Promise<string>,
  refusal: (err: unknown) => unknown = (err) => err,
): Promise<string> {
  let arn: string;
  try {
    arn = await call();
  } catch (err) {
    if (!isRefusal(err)) throw unknownAnswer(row, err); // stays pending for the reconciler
    const shown = refusal(err);
    const message = isAppError(shown) ? shown.message : "SageMaker refused the request.";
    await finishRunAction(db, row.id, "failed", message, undefined, runAudit);
    throw shown;
  }
  try {
    await finishRunAction(db, row.id, "applied", `${DONE[row.action]}.`, arn, runAudit);
  } catch (err) {
    console.error(`[pipelines] run action ${row.id}: could not record the outcome:`, err);
    throw new RecordPendingError(
      `${DONE[row.action]} (execution ${executionIdOf(arn)}), but SageDeck could not record it yet: its database did not answer. The record catches up within a minute; reload then instead of submitting again.`,
      { cause: err },
    );
  }
  return arn;
}
