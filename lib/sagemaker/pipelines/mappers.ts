import type {
  PipelineExecution,
  PipelineExecutionStep,
  PipelineSummary as SdkPipelineSummary,
  UserContext,
} from "@aws-sdk/client-sagemaker";
import type { ExecutionStatus, ExecutionSummary, PipelineSummary, StepInfo } from "./types";

const ms = (d: Date | undefined): number | undefined => (d ? d.getTime() : undefined);
const FINISHED = new Set<ExecutionStatus>(["Stopped", "Failed", "Succeeded"]);

export function executionIdOf(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

export function pipelineNameOfExecution(arn: string): string {
  return /:pipeline\/([^/]+)\/execution\//.exec(arn)?.[1] ?? "";
}

export function userOf(u: UserContext | undefined): string | undefined {
  if (!u) return undefined;
  if (u.UserProfileName) return u.UserProfileName;
  const arn = u.IamIdentity?.Arn ?? u.UserProfileArn;
  return arn ? arn.slice(arn.lastIndexOf("/") + 1) || arn : undefined;
}

export function toPipelineSummary(p: SdkPipelineSummary): PipelineSummary {
  return {
    name: p.PipelineName ?? "",
    arn: p.PipelineArn ?? "",
    displayName: p.PipelineDisplayName ?? p.PipelineName ?? "",
    description: p.PipelineDescription,
    createdAt: ms(p.CreationTime),
    lastModifiedAt: ms(p.LastModifiedTime),
    lastExecutionAt: ms(p.LastExecutionTime),
  };
}

export function toExecutionSummary(e: PipelineExecution): ExecutionSummary {
  const arn = e.PipelineExecutionArn ?? "";
  const status = e.PipelineExecutionStatus ?? "Executing";
  const startedAt = ms(e.CreationTime);
  const lastModifiedAt = ms(e.LastModifiedTime);
  return {
    arn,
    id: executionIdOf(arn),
    pipelineName: pipelineNameOfExecution(arn),
    displayName: e.PipelineExecutionDisplayName ?? executionIdOf(arn),
    description: e.PipelineExecutionDescription,
    status,
    failureReason: e.FailureReason,
    startedAt,
    lastModifiedAt,
    durationMs:
      FINISHED.has(status) && startedAt !== undefined && lastModifiedAt !== undefined
        ? lastModifiedAt - startedAt
        : undefined,
    createdBy: userOf(e.CreatedBy),
    parameters: Object.fromEntries((e.PipelineParameters ?? []).map((p) => [p.Name ?? "", p.Value ?? ""])),
  };
}

export function toStepInfo(s: PipelineExecutionStep): StepInfo {
  const md = s.Metadata ?? {};
  const kind = Object.keys(md).find((k) => md[k as keyof typeof md] !== undefined);
  const entry = kind ? (md[kind as keyof typeof md] as Record<string, unknown> | undefined) : undefined;
  const arn = entry && typeof entry.Arn === "string" ? entry.Arn : undefined;
  return {
    name: s.StepName ?? "",
    displayName: s.StepDisplayName,
    status: s.StepStatus ?? "Starting",
    startedAt: ms(s.StartTime),
    endedAt: ms(s.EndTime),
    attempts: s.AttemptCount,
    failureReason: s.FailureReason,
    kind,
    resourceArn: arn,
    conditionOutcome: md.Condition?.Outcome,
    errorMessage: md.Fail?.ErrorMessage,
    cacheSourceArn: s.CacheHitResult?.SourcePipelineExecutionArn,
    reusedFromArn: s.SelectiveExecutionResult?.SourcePipelineExecutionArn,
  };
}
