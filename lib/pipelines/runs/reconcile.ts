/**
 * Completes run actions a crash, a lost answer or a failed outcome write left pending: the same request is
 * sent again with the same ClientRequestToken (SageMaker answers with the same execution for the same token
 * and input, and does nothing twice), then the outcome and its audit row are written in one transaction.
 * A run SageDeck started is therefore always attributed.
 */
import type { Db } from "@/lib/db";
import { ensurePeriodic } from "@/lib/periodic";
import { finishRunAction, pendingStartsWithoutArn, unfinishedRunActions } from "@/lib/db/run-actions";
import type { PipelineRunActionRow } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { refusalOf, sendChange } from "./change";
import { isRefusal, runAudit } from "./outcome";
import { sendStart } from "./start";

export interface RunReconcileReport {
  applied: number;
  failed: number;
  errors: number;
}

/** One pending action: re-send, then record. Throws when SageMaker's answer is still unknown. */
export async function reconcileRunAction(db: Db, r: PipelineRunActionRow): Promise<"applied" | "failed"> {
  let arn: string;
  try {
    arn = r.action === "start" ? await sendStart(r) : await sendChange(r);
  } catch (err) {
    if (!isRefusal(err)) throw err;
    const shown = r.action === "start" ? err : refusalOf(r.action === "stop" ? "stop" : "retry")(err);
    const message = isAppError(shown) ? shown.message : "SageMaker refused the request.";
    await finishRunAction(db, r.id, "failed", `${message} (found by the reconciler)`, undefined, runAudit);
    return "failed";
  }
  await finishRunAction(db, r.id, "applied", "Confirmed in SageMaker by the reconciler.", arn, runAudit);
  return "applied";
}

/** Pending actions untouched for `pendingOlderThanMs` (default 15 s: longer than a live request takes). */
export async function reconcileRunActions(
  db: Db,
  opts: { pendingOlderThanMs?: number } = {},
): Promise<RunReconcileReport> {
  const report: RunReconcileReport = { applied: 0, failed: 0, errors: 0 };
  const rows = await unfinishedRunActions(db, new Date(Date.now() - (opts.pendingOlderThanMs ?? 15_000)));
  for (const r of rows) {
    try {
      report[await reconcileRunAction(db, r)] += 1;
    } catch (err) {
      report.errors += 1;
      console.error(`[run reconciler] ${r.action} ${r.id}: ${(err as Error).message}`);
    }
  }
  return report;
}

/**
 * Learns the executions of a pipeline's pending starts now (for separation of duties: who started the run
 * that registered a version must be known before anyone decides on it). Unknown answers are left pending.
 * Returns how many starts were pending (0: nothing was learned, no need to look the starters up again).
 */
export async function resolvePendingStarts(db: Db, pipelineName: string): Promise<number> {
  const pending = await pendingStartsWithoutArn(db, pipelineName);
  for (const r of pending) {
    await reconcileRunAction(db, r).catch((err: unknown) => {
      console.error(`[run reconciler] start ${r.id}: ${(err as Error).message}`);
    });
  }
  return pending.length;
}

/** Runs the run reconciler now and then every `everyMs` in this process (safe on several replicas). */
export function ensureRunReconciler(everyMs = 10_000): void {
  ensurePeriodic("run reconciler", everyMs, reconcileRunActions);
}
