import type {
  ActionExecutionDetail,
  GetPipelineStateCommandOutput,
  PipelineDeclaration,
  PipelineExecutionSummary,
} from "@aws-sdk/client-codepipeline";
import type { ActionRunView, DeployPipeline, PipelineExecutionView, PipelineStateView } from "./types";

const ms = (d: Date | undefined) => d?.getTime();

export function toDeployPipeline(p: PipelineDeclaration): DeployPipeline {
  return {
    name: p.name ?? "",
    stages: (p.stages ?? []).map((s) => ({
      name: s.name ?? "",
      actions: (s.actions ?? []).map((a) => ({
        name: a.name ?? "",
        category: a.actionTypeId?.category ?? "",
        provider: a.actionTypeId?.provider ?? "",
        runOrder: a.runOrder ?? 1,
      })),
    })),
  };
}

export function toPipelineState(name: string, r: GetPipelineStateCommandOutput): PipelineStateView {
  return {
    pipeline: r.pipelineName ?? name,
    stages: (r.stageStates ?? []).map((s) => ({
      stage: s.stageName ?? "",
      executionId: s.latestExecution?.pipelineExecutionId,
      status: s.latestExecution?.status,
      actions: (s.actionStates ?? []).map((a) => ({
        stage: s.stageName ?? "",
        action: a.actionName ?? "",
        status: a.latestExecution?.status,
        token: a.latestExecution?.token,
        summary: a.latestExecution?.summary,
        lastStatusChange: ms(a.latestExecution?.lastStatusChange),
        lastUpdatedBy: a.latestExecution?.lastUpdatedBy,
        errorMessage: a.latestExecution?.errorDetails?.message,
      })),
    })),
  };
}

export function toExecution(e: PipelineExecutionSummary): PipelineExecutionView {
  return {
    id: e.pipelineExecutionId ?? "",
    status: e.status ?? "Unknown",
    statusReason: e.statusSummary,
    startedAt: ms(e.startTime),
    updatedAt: ms(e.lastUpdateTime),
    trigger: e.trigger?.triggerType,
  };
}

export function toActionRun(d: ActionExecutionDetail): ActionRunView {
  const result = d.output?.executionResult;
  return {
    executionId: d.pipelineExecutionId ?? "",
    actionExecutionId: d.actionExecutionId ?? "",
    stage: d.stageName ?? "",
    action: d.actionName ?? "",
    category: d.input?.actionTypeId?.category,
    status: d.status ?? "Unknown",
    startedAt: ms(d.startTime),
    updatedAt: ms(d.lastUpdateTime),
    updatedBy: d.updatedBy,
    summary: result?.externalExecutionSummary,
    errorMessage: result?.errorDetails?.message,
    outputVariables: { ...(d.output?.outputVariables ?? {}) },
  };
}
