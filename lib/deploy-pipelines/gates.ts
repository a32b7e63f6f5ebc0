/**
 * Gates: manual approval actions waiting in deploy pipelines (GetPipelineState: an action whose latest run is
 * InProgress with a token), with the version the execution deploys (its ModelPackageArn output variable), the
 * staging endpoint and test results, and the gate's age. Listed in the approvals inbox beside registry approvals.
 */
import { getConfig } from "@/lib/config";
import {
  deployPipelineAccount,
  getPipeline,
  getPipelineState,
  listActionExecutions,
} from "@/lib/sagemaker/codepipeline";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { consoleUrl, endpointsOfRuns, testsOfRuns, versionOfRuns, type DeployedEndpoint } from "./execution";
import { pipelineDeployedGroups } from "./mode";

export interface Gate {
  pipeline: string;
  executionId: string;
  stage: string;
  action: string;
  token: string;
  /** when it started waiting (epoch ms) */
  waitingSince?: number;
  ageMs: number;
  group: string;
  version?: Pick<ModelVersionDetail, "arn" | "group" | "version" | "approvalStatus" | "metrics">;
  /** the endpoints this execution deployed before the gate (the staging endpoint) */
  staging?: DeployedEndpoint;
  tests: { action: string; status: string; message?: string }[];
  consoleUrl?: string;
}

/** The gate's key in URLs and the inbox: pipeline, execution, stage and action. */
export const gateKey = (g: Pick<Gate, "pipeline" | "executionId" | "stage" | "action">) =>
  `${g.pipeline}/${g.executionId}/${g.stage}/${g.action}`;

async function approvalActions(pipeline: string): Promise<Set<string>> {
  const p = await getPipeline(pipeline);
  const out = new Set<string>();
  for (const s of p?.stages ?? [])
    for (const a of s.actions) if (a.category === "Approval") out.add(`${s.name}/${a.name}`);
  return out;
}

/** The gates waiting in one pipeline now (`fresh`: read CodePipeline now, as a decision does). */
export async function waitingGatesOf(
  group: string,
  pipeline: string,
  opts: { fresh?: boolean; now?: number } = {},
): Promise<Gate[]> {
  const [state, approvals] = await Promise.all([
    getPipelineState(pipeline, opts.fresh),
    approvalActions(pipeline),
  ]);
  const now = opts.now ?? Date.now();
  const region = deployPipelineAccount().region;
  const aws = getConfig().sagemaker.kind === "aws";
  const gates: Gate[] = [];
  for (const s of state.stages) {
    for (const a of s.actions) {
      if (a.status !== "InProgress" || !a.token || !s.executionId) continue;
      if (!approvals.has(`${s.stage}/${a.action}`)) continue;
      const runs = await listActionExecutions(pipeline, { executionId: s.executionId, fresh: opts.fresh });
      const arn = versionOfRuns(runs);
      const version = arn ? await describeModelVersion(arn).catch(() => undefined) : undefined;
      gates.push({
        pipeline,
        executionId: s.executionId,
        stage: s.stage,
        action: a.action,
        token: a.token,
        waitingSince: a.lastStatusChange,
        ageMs: Math.max(0, now - (a.lastStatusChange ?? now)),
        group: version?.group ?? group,
        version: version && {
          arn: version.arn,
          group: version.group,
          version: version.version,
          approvalStatus: version.approvalStatus,
          metrics: version.metrics,
        },
        staging: endpointsOfRuns(runs)[0],
        tests: testsOfRuns(runs),
        ...(aws ? { consoleUrl: consoleUrl(region, pipeline, s.executionId) } : {}),
      });
    }
  }
  return gates;
}

/** Every gate waiting in the deploy pipelines of pipeline-deployed groups, oldest first. */
export async function waitingGates(opts: { group?: string; now?: number } = {}): Promise<Gate[]> {
  const links = (await pipelineDeployedGroups()).filter((l) => !opts.group || l.group === opts.group);
  // one pipeline may serve several groups: read it once
  const pipelines = new Map(links.map((l) => [l.pipeline, l.group]));
  const all = await Promise.all(
    [...pipelines].map(([pipeline, group]) =>
      waitingGatesOf(group, pipeline, { now: opts.now }).catch((err: unknown) => {
        console.error(`[gates] ${pipeline}: ${(err as Error).message}`);
        return [];
      }),
    ),
  );
  return all.flat().sort((a, b) => (a.waitingSince ?? 0) - (b.waitingSince ?? 0));
}
