import type { PipelineRunActionRow } from "@/lib/db/schema";
import { routes } from "@/lib/routes";
import { listExecutionSteps } from "@/lib/sagemaker/pipelines/executions";
import { toStepInfo } from "@/lib/sagemaker/pipelines/mappers";
import type { ExecutionSummary, StepInfo } from "@/lib/sagemaker/pipelines/types";
import type { NotificationEvent } from "./events";

/** The execution page of a run. */
export const executionPath = (s: Pick<ExecutionSummary, "pipelineName" | "id">) =>
  `${routes.pipelines}/${encodeURIComponent(s.pipelineName)}/executions/${encodeURIComponent(s.id)}`;

/** The failed step (one more read, only for a failed run); undefined when the steps cannot be read. */
async function failedStep(arn: string): Promise<StepInfo | undefined> {
  const steps = await listExecutionSteps(arn).catch(() => []);
  return steps.map(toStepInfo).find((s) => s.status === "Failed");
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/**
 * The `run.failed` event of a run started (or retried) in SageDeck: its failed step and reason, who started it,
 * the link to its execution page. Its id names the execution (`run-failed:<arn>`), or the retry whose outcome it
 * is (`run-failed:<arn>:retry:<action id>`), so it is enqueued once.
 */
export async function runFailedEvent(input: {
  summary: ExecutionSummary;
  /** the start or retry whose outcome this is */
  action: PipelineRunActionRow;
  /** the start (who started the execution), when SageDeck started it */
  start: PipelineRunActionRow | undefined;
  recipients: string[];
}): Promise<NotificationEvent> {
  const { summary: s, action, start } = input;
  const step = await failedStep(s.arn);
  const reason = step?.failureReason ?? step?.errorMessage ?? s.failureReason ?? "SageMaker gave no reason";
  const retried = action.action === "retry";
  const by = start ? `Started by ${start.actorName} in SageDeck` : "Started outside SageDeck";
  const summary = [
    `${by}${retried ? `, retried by ${action.actorName}` : ""}.`,
    `${step ? `Step ${step.name} failed` : "It failed"}: ${reason.replace(/\.?$/, ".")}`,
    "Open the run for the step's log and what changed since the last successful run.",
  ].join(" ");
  return {
    id: retried ? `run-failed:${s.arn}:retry:${action.id}` : `run-failed:${s.arn}`,
    type: "run.failed",
    occurredAt: new Date(s.lastModifiedAt ?? Date.now()).toISOString(),
    title: `${s.pipelineName} run ${s.displayName} failed${step ? ` at step ${step.name}` : ""}`,
    summary,
    path: executionPath(s),
    recipients: input.recipients,
    data: {
      executionArn: s.arn,
      pipeline: s.pipelineName,
      executionId: s.id,
      displayName: s.displayName,
      status: s.status,
      failureReason: s.failureReason ?? null,
      failedStep: step ? { name: step.name, kind: step.kind ?? null, reason } : null,
      startedBy: start?.actor ?? null,
      startedByName: start?.actorName ?? null,
      ...(retried ? { retriedBy: action.actor, retriedByName: action.actorName } : {}),
      startedAt: iso(s.startedAt),
      failedAt: iso(s.lastModifiedAt),
      parameters: start?.parameters ?? {},
    },
  };
}
