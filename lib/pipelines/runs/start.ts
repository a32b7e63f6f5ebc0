/**
 * Start a pipeline run: check the permission and the parameters (approval-controlling ones are locked to
 * PendingManualApproval), then intent row (the same Idempotency-Key reuses it) → StartPipelineExecution with
 * a ClientRequestToken derived from the key → outcome + audit in one transaction (outcome.ts). With `rerun`, the
 * start re-runs only the chosen steps of a finished execution (SageMaker's SelectiveExecutionConfig), under the
 * same permission, idempotency and parameter locks; the selection is part of the recorded intent.
 */
import { randomUUID } from "node:crypto";
import { claimRunAction } from "@/lib/db/run-actions";
import type { PipelineRunActionRow } from "@/lib/db/schema";
import { ConflictError } from "@/lib/errors";
import type { StartRunBody } from "@/lib/pipelines/parameters";
import { approvalLocks } from "@/lib/pipelines/start-view";
import { describePipeline } from "@/lib/sagemaker/pipelines/reads";
import { startPipelineExecution } from "@/lib/sagemaker/pipelines/writes";
import { clientRequestToken, refOf, requireRun, type ExecutionRef, type RunContext } from "./context";
import { perform } from "./outcome";
import { sorted, validateStart, type StartInput } from "./validate";

/** Sends the start exactly as recorded in the row (the reconciler re-sends it with the same token). */
export function sendStart(row: PipelineRunActionRow): Promise<string> {
  return startPipelineExecution({
    pipelineName: row.pipelineName,
    parameters: sorted(row.parameters),
    displayName: row.displayName ?? undefined,
    description: row.description ?? undefined,
    clientRequestToken: row.clientRequestToken,
    selective: row.selective ?? undefined,
  });
}

type Selective = PipelineRunActionRow["selective"];

/** jsonb reorders keys: compare selections by their content. */
const selectionKey = (s: Selective) => (s ? `${s.sourceExecutionArn}\n${s.steps.join("\n")}` : "");

const same = (row: PipelineRunActionRow, input: StartInput, selective: Selective) =>
  JSON.stringify(sorted(row.parameters)) === JSON.stringify(input.values) &&
  selectionKey(row.selective) === selectionKey(selective) &&
  (row.displayName ?? undefined) === input.displayName &&
  (row.description ?? undefined) === input.description;

/** A re-run names its source by id; SageMaker gets the source's ARN (always an execution of this pipeline). */
function selectiveOf(pipelineArn: string, rerun: StartRunBody["rerun"]): Selective {
  if (!rerun) return null;
  const steps = [...new Set(rerun.steps)];
  return { sourceExecutionArn: `${pipelineArn}/execution/${rerun.sourceExecutionId}`, steps };
}

export async function startRun(
  ctx: RunContext,
  pipelineName: string,
  body: StartRunBody,
): Promise<ExecutionRef> {
  requireRun(ctx.user);
  const pipeline = await describePipeline(pipelineName);
  const { parameters } = pipeline.definition;
  const input = validateStart(body, parameters, pipelineName, approvalLocks(parameters));
  const selective = selectiveOf(pipeline.arn, body.rerun);
  const route = `pipelines.start:${pipelineName}`;
  const token = clientRequestToken(ctx.user.id, route, ctx.idempotencyKey);
  const row = await claimRunAction(ctx.db, {
    id: randomUUID(),
    action: "start",
    pipelineName,
    clientRequestToken: token,
    parameters: input.values,
    displayName: input.displayName ?? null,
    description: input.description ?? null,
    selective,
    actor: ctx.user.username,
    actorName: ctx.user.name,
    actorRole: ctx.user.role,
    idempotencyKey: ctx.idempotencyKey,
    requestId: ctx.requestId ?? null,
  });
  if (row.state === "applied" && row.executionArn) return refOf(row.executionArn);
  if (!same(row, input, selective)) {
    throw new ConflictError(
      "A start with this Idempotency-Key and other values is still being confirmed with SageMaker; use a new key.",
    );
  }
  return refOf(await perform(ctx.db, row, () => sendStart(row)));
}
