/**
 * What a scientist reads first on a failed execution: the failed step and its reason, the last error lines of its
 * log (through lib/pipelines/logs), and what changed against the last successful execution before it
 * (parameters, the definition version and the steps added or removed).
 */
import { compareParameters, type ParameterRow } from "@/lib/pipelines/compare";
import { getStepLogs } from "@/lib/pipelines/logs";
import { jobOfStep } from "@/lib/pipelines/logs/job";
import type { LogLine } from "@/lib/sagemaker/logs/reads";
import { describeExecutionDetail } from "@/lib/sagemaker/pipelines/executions";
import { describePipeline, executionDefinition, searchExecutions } from "@/lib/sagemaker/pipelines/reads";

export interface FailureSummary {
  failed: boolean;
  reason: string | undefined;
  step: { name: string; kind: string | undefined; failureReason: string | undefined } | undefined;
  /** the end of the failed step's log, from its last traceback (at most 15 lines) */
  errorLines: LogLine[];
  /** why there are no lines (no job, no logs yet, logs not readable) */
  logsNote: string | undefined;
  lastSuccessful:
    | {
        id: string;
        displayName: string;
        startedAt: number | undefined;
        pipelineVersionId: number | undefined;
      }
    | undefined;
  changes:
    | {
        parameters: ParameterRow[];
        versionChanged: { from: number | undefined; to: number | undefined } | undefined;
        stepsAdded: string[];
        stepsRemoved: string[];
      }
    | undefined;
}

const MAX_LINES = 15;

/** The last traceback (or the last lines) of a log tail. */
export function lastErrorLines(lines: LogLine[]): LogLine[] {
  let from = -1;
  for (let i = lines.length - 1; i >= 0; i--)
    if (/^Traceback \(most recent call last\)/.test(lines[i]?.message ?? "")) {
      from = i;
      break;
    }
  const tail = from >= 0 ? lines.slice(from) : lines.slice(-8);
  return tail.slice(-MAX_LINES);
}

export async function getFailureSummary(pipeline: string, id: string): Promise<FailureSummary> {
  const p = await describePipeline(pipeline);
  const arn = `${p.arn}/execution/${id}`;
  const e = await describeExecutionDetail(arn);
  const empty = { errorLines: [], logsNote: undefined, lastSuccessful: undefined, changes: undefined };
  if (e.status !== "Failed") return { failed: false, reason: undefined, step: undefined, ...empty };
  const failedStep = e.steps.find((s) => s.status === "Failed");
  let errorLines: LogLine[] = [];
  let logsNote: string | undefined;
  if (failedStep && jobOfStep(failedStep)) {
    try {
      const logs = await getStepLogs(pipeline, id, failedStep.name, { limit: 100 });
      errorLines = lastErrorLines(logs.lines);
      logsNote = logs.message;
    } catch (err) {
      logsNote = err instanceof Error ? err.message : "The step's logs could not be read.";
    }
  } else if (failedStep) logsNote = `Step "${failedStep.name}" runs no job, so it has no logs.`;
  const good = await searchExecutions({
    pipelineArn: p.arn,
    status: "Succeeded",
    before: e.startedAt,
    pageSize: 1,
  });
  const last = good.items[0];
  let lastSuccessful: FailureSummary["lastSuccessful"];
  let changes: FailureSummary["changes"];
  if (last) {
    const [detail, defGood, defFailed] = await Promise.all([
      describeExecutionDetail(last.arn),
      executionDefinition(last.arn),
      executionDefinition(arn),
    ]);
    lastSuccessful = {
      id: last.id,
      displayName: last.displayName,
      startedAt: last.startedAt,
      pipelineVersionId: detail.pipelineVersionId,
    };
    const goodSteps = new Set(defGood.steps.map((s) => s.name));
    const failedSteps = new Set(defFailed.steps.map((s) => s.name));
    changes = {
      parameters: compareParameters(detail.parameters, e.parameters).filter((r) => r.differs),
      versionChanged:
        detail.pipelineVersionId !== e.pipelineVersionId
          ? { from: detail.pipelineVersionId, to: e.pipelineVersionId }
          : undefined,
      stepsAdded: [...failedSteps].filter((s) => !goodSteps.has(s)),
      stepsRemoved: [...goodSteps].filter((s) => !failedSteps.has(s)),
    };
  }
  return {
    failed: true,
    reason: e.failureReason,
    step: failedStep
      ? { name: failedStep.name, kind: failedStep.kind, failureReason: failedStep.failureReason }
      : undefined,
    errorLines,
    logsNote,
    lastSuccessful,
    changes,
  };
}
