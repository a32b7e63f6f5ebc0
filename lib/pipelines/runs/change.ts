/**
 * Stop and retry a run: intent row → Stop/RetryPipelineExecution with a ClientRequestToken derived from the
 * Idempotency-Key → outcome + audit in one transaction (outcome.ts). SageMaker's "wrong status" refusal is
 * turned into a message that says what the execution's status is.
 */
import { randomUUID } from "node:crypto";
import { claimRunAction } from "@/lib/db/run-actions";
import type { PipelineRunActionRow } from "@/lib/db/schema";
import { ConflictError } from "@/lib/errors";
import { SageMakerConflictError } from "@/lib/sagemaker/errors";
import { pipelineNameOfExecution } from "@/lib/sagemaker/pipelines/mappers";
import { retryPipelineExecution, stopPipelineExecution } from "@/lib/sagemaker/pipelines/writes";
import { clientRequestToken, refOf, requireRun, type ExecutionRef, type RunContext } from "./context";
import { perform } from "./outcome";

type Verb = "stop" | "retry";

const REFUSED: Record<Verb, string> = {
  stop: "This execution is no longer running (it has already finished or been stopped), so it cannot be stopped.",
  retry:
    "Only a failed execution can be retried; this one has not failed (it is running, stopped or succeeded).",
};

/** SageMaker's refusal as the user should read it. */
export function refusalOf(verb: Verb) {
  return (err: unknown): unknown => {
    if (err instanceof SageMakerConflictError) {
      const status = err.currentStatus;
      return new ConflictError(
        status ? REFUSED[verb].replace(/\(.*\)/, `(it is ${status})`) : REFUSED[verb],
        { cause: err },
      );
    }
    return err;
  };
}

/** Sends the stop/retry recorded in the row (the reconciler re-sends it with the same token). */
export async function sendChange(row: PipelineRunActionRow): Promise<string> {
  const arn = row.executionArn ?? "";
  if (row.action === "stop") await stopPipelineExecution(arn, row.clientRequestToken);
  else await retryPipelineExecution(arn, row.clientRequestToken);
  return arn;
}

export type RunChange = Verb;

async function changeRun(ctx: RunContext, verb: Verb, executionArn: string): Promise<ExecutionRef> {
  requireRun(ctx.user);
  const route = `pipelines.${verb}:${executionArn}`;
  const token = clientRequestToken(ctx.user.id, route, ctx.idempotencyKey);
  const row = await claimRunAction(ctx.db, {
    id: randomUUID(),
    action: verb,
    pipelineName: pipelineNameOfExecution(executionArn),
    executionArn,
    clientRequestToken: token,
    actor: ctx.user.username,
    actorName: ctx.user.name,
    actorRole: ctx.user.role,
    idempotencyKey: ctx.idempotencyKey,
    requestId: ctx.requestId ?? null,
  });
  if (row.state !== "applied") await perform(ctx.db, row, () => sendChange(row), refusalOf(verb));
  return refOf(executionArn);
}

export const stopRun = (ctx: RunContext, executionArn: string) => changeRun(ctx, "stop", executionArn);
export const retryRun = (ctx: RunContext, executionArn: string) => changeRun(ctx, "retry", executionArn);
export const RUN_CHANGES = { stop: stopRun, retry: retryRun } as const;
