/**
 * PutApprovalResult: answers a manual approval action with the token GetPipelineState showed. The open request's
 * token → Approved (the action succeeds and the stage moves on) or Rejected (the action, its stage and the
 * execution fail). A token whose request was already answered → ApprovalAlreadyCompletedException; a token of a
 * request that expired, was abandoned or was replaced by a newer run, or no request at all →
 * InvalidApprovalTokenException (the model's documented meanings).
 */
import { defineOperation } from "../core/registry";
import { AwsError } from "../core/errors";
import { Validator } from "../core/validate";
import { copy } from "../core/json";
import { advance, latestRun } from "./engine";
import { catchUp, PIPELINE } from "./executions";
import { op } from "./pipelines";
import { executionsOf, requirePipeline, saveExecution, stagesOf } from "./store";

const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

defineOperation(op("PutApprovalResult"), async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("pipelineName", PIPELINE) ?? "";
  const stageName = v.string("stageName", { required: true, min: 1, max: 100 }) ?? "";
  const actionName = v.string("actionName", { required: true, min: 1, max: 100 }) ?? "";
  const result = v.object("result", { required: true });
  const summary = result
    ? v.string("summary", { required: true, max: 512 }, result, "result.summary")
    : undefined;
  const status = result
    ? v.string("status", { required: true, enum: ["Approved", "Rejected"] }, result, "result.status")
    : undefined;
  const token =
    v.string("token", { required: true, pattern: TOKEN, patternText: TOKEN.source.slice(1, -1) }) ?? "";
  v.done();
  const p = requirePipeline(ctx, name);
  const stage = stagesOf(p).find((s) => s.name === stageName);
  if (!stage)
    throw new AwsError("StageNotFoundException", `Stage '${stageName}' does not exist in pipeline '${name}'`);
  const action = stage.actions.find((a) => a.name === actionName);
  if (!action || action.actionTypeId.category !== "Approval")
    throw new AwsError(
      "ActionNotFoundException",
      `Approval action '${actionName}' does not exist in stage '${stageName}'`,
    );
  await catchUp(ctx, name);
  for (const stored of executionsOf(ctx, name)) {
    const i = stored.actions.findIndex(
      (r) => r.stageName === stageName && r.actionName === actionName && r.token === token,
    );
    if (i < 0) continue;
    const e = copy(stored);
    const run = e.actions[i];
    if (!run) break;
    const current = latestRun(e, stageName, actionName)?.actionExecutionId === run.actionExecutionId;
    if (run.status === "Succeeded" || (run.status === "Failed" && run.updatedBy !== undefined))
      throw new AwsError(
        "ApprovalAlreadyCompletedException",
        `The approval action ${actionName} has already been ${run.status === "Succeeded" ? "approved" : "rejected"} by ${run.updatedBy ?? "someone"}.`,
      );
    if (run.status !== "InProgress" || !current || (e.status !== "InProgress" && e.status !== "Stopping"))
      break;
    const now = ctx.now();
    run.status = status === "Approved" ? "Succeeded" : "Failed";
    run.summary = summary ?? "";
    run.updatedBy = String(ctx.identity.IamIdentity?.Arn ?? ctx.identity.UserProfileArn ?? "");
    run.lastUpdateTime = now;
    delete run.dueAt;
    if (status === "Rejected")
      run.errorDetails = { code: "JobFailed", message: `Rejected: ${summary ?? ""}`.slice(0, 5000) };
    saveExecution(ctx, e);
    await advance(ctx, p, e);
    return { approvedAt: now };
  }
  throw new AwsError(
    "InvalidApprovalTokenException",
    `The approval request for ${actionName} in ${name}/${stageName} already received a response or has expired: the token is not valid.`,
  );
});
