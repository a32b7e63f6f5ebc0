/**
 * A version's deploy pipeline progress: the executions that deployed it (their deploy actions export its ARN as
 * ModelPackageArn), stage by stage with status, times and the failing action's message. An execution that has not
 * reached its first deploy action yet is matched by time: it started within minutes of the version's approval
 * (the approval event starts it), labelled as such.
 */
import { getConfig } from "@/lib/config";
import {
  deployPipelineAccount,
  getPipeline,
  listActionExecutions,
  listPipelineExecutions,
  type ActionRunView,
  type DeployPipeline,
} from "@/lib/sagemaker/codepipeline";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { byExecution, consoleUrl, versionOfRuns } from "./execution";
import { deploymentModeOf, type DeploymentMode } from "./mode";

export interface StageProgress {
  stage: string;
  /** Succeeded | Failed | InProgress | Stopped | NotStarted */
  status: string;
  startedAt?: number;
  endedAt?: number;
  actions: { action: string; category: string; status: string; message?: string; updatedAt?: number }[];
  /** the failing action's message */
  failure?: string;
}

export interface ExecutionProgress {
  id: string;
  status: string;
  startedAt?: number;
  updatedAt?: number;
  matchedBy: "ModelPackageArn" | "approval time";
  stages: StageProgress[];
  consoleUrl?: string;
}

export interface DeployProgress {
  deployment: DeploymentMode;
  executions: ExecutionProgress[];
}

const MATCH_WINDOW_MS = 5 * 60_000;

function stageStatus(runs: ActionRunView[], declared: number): string {
  if (runs.length === 0) return "NotStarted";
  if (runs.some((r) => r.status === "Failed" || r.status === "Abandoned")) return "Failed";
  if (runs.some((r) => r.status === "InProgress")) return "InProgress";
  if (runs.some((r) => r.status === "Stopped")) return "Stopped";
  return runs.length >= declared ? "Succeeded" : "InProgress";
}

function stagesOf(p: DeployPipeline, runs: ActionRunView[]): StageProgress[] {
  return p.stages.map((s) => {
    const mine = runs.filter((r) => r.stage === s.name);
    const failed = mine.find((r) => r.status === "Failed");
    const status = stageStatus(mine, s.actions.length);
    const ends = mine.map((r) => r.updatedAt ?? 0);
    return {
      stage: s.name,
      status,
      startedAt: mine.length ? Math.min(...mine.map((r) => r.startedAt ?? Infinity)) : undefined,
      endedAt: status === "Succeeded" || status === "Failed" ? Math.max(...ends) : undefined,
      actions: s.actions.map((a) => {
        const r = mine.find((x) => x.action === a.name);
        return {
          action: a.name,
          category: a.category,
          status: r?.status ?? "NotStarted",
          message: r?.errorMessage ?? r?.summary,
          updatedAt: r?.updatedAt,
        };
      }),
      ...(failed
        ? { failure: `${failed.action}: ${failed.errorMessage ?? failed.summary ?? "failed"}` }
        : {}),
    };
  });
}

export async function deployProgress(v: ModelVersionDetail): Promise<DeployProgress> {
  const deployment = await deploymentModeOf(v.group);
  if (deployment.mode !== "pipeline") return { deployment, executions: [] };
  const [pipeline, executions, runs] = await Promise.all([
    getPipeline(deployment.pipeline),
    listPipelineExecutions(deployment.pipeline),
    listActionExecutions(deployment.pipeline),
  ]);
  if (!pipeline) return { deployment, executions: [] };
  const grouped = byExecution(runs);
  const approvedAt = v.approvalStatus === "Approved" ? v.lastModifiedAt : undefined;
  const aws = getConfig().sagemaker.kind === "aws";
  const region = deployPipelineAccount().region;
  const out: ExecutionProgress[] = [];
  for (const e of executions) {
    const mine = grouped.get(e.id) ?? [];
    const arn = versionOfRuns(mine);
    const byTime =
      !arn &&
      approvedAt !== undefined &&
      e.startedAt !== undefined &&
      e.startedAt >= approvedAt - 5_000 &&
      e.startedAt <= approvedAt + MATCH_WINDOW_MS;
    if (arn !== v.arn && !byTime) continue;
    out.push({
      id: e.id,
      status: e.status,
      startedAt: e.startedAt,
      updatedAt: e.updatedAt,
      matchedBy: arn ? "ModelPackageArn" : "approval time",
      stages: stagesOf(pipeline, mine),
      ...(aws ? { consoleUrl: consoleUrl(region, pipeline.name, e.id) } : {}),
    });
  }
  return { deployment, executions: out };
}
