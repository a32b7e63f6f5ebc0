import {
  DescribePipelineExecutionCommand,
  DescribeTrainingJobCommand,
  ListPipelineExecutionStepsCommand,
  ListPipelineParametersForExecutionCommand,
  type DescribePipelineExecutionCommandOutput,
  type PipelineExecutionStep,
  type SelectiveExecutionConfig,
} from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { executionIdOf, toExecutionSummary, toStepInfo } from "./mappers";
import type { ExecutionDetail } from "./types";

/** How long a live execution's status and steps are shared between all watchers (upstream calls per refresh). */
export const LIVE_TTL_MS = 1_000;

/** An execution's parameters (immutable once started: cached for long). */
export async function executionParameters(arn: string): Promise<Record<string, string>> {
  return sagemakerRead(
    {
      key: `pipelines:exec-params:${arn}`,
      operation: "ListPipelineParametersForExecution",
      resource: "This pipeline execution",
      ttlMs: 10 * 60_000,
    },
    async () => {
      const client = getSageMakerClient();
      const out: Record<string, string> = {};
      let token: string | undefined;
      do {
        const r = await client.send(
          new ListPipelineParametersForExecutionCommand({
            PipelineExecutionArn: arn,
            MaxResults: 100,
            NextToken: token,
          }),
        );
        for (const p of r.PipelineParameters ?? []) out[p.Name ?? ""] = p.Value ?? "";
        token = r.NextToken;
      } while (token);
      return out;
    },
  );
}

const RESOURCE = "This pipeline execution";

/**
 * The one read of an execution (DescribePipelineExecution), shared for LIVE_TTL_MS by the execution page, the
 * Overview, version lineage and the maturity collector. The SDK shape stays inside lib/sagemaker.
 */
export function describeExecution(arn: string): Promise<DescribePipelineExecutionCommandOutput> {
  return sagemakerRead(
    {
      key: `pipelines:exec:${arn}`,
      operation: "DescribePipelineExecution",
      resource: RESOURCE,
      ttlMs: LIVE_TTL_MS,
    },
    () => getSageMakerClient().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn })),
  );
}

/** The one read of an execution's steps (every page of ListPipelineExecutionSteps), shared like describeExecution. */
export function listExecutionSteps(arn: string): Promise<PipelineExecutionStep[]> {
  return sagemakerRead(
    {
      key: `pipelines:exec-steps:${arn}`,
      operation: "ListPipelineExecutionSteps",
      resource: RESOURCE,
      ttlMs: LIVE_TTL_MS,
    },
    async () => {
      const out: PipelineExecutionStep[] = [];
      let token: string | undefined;
      for (let i = 0; i < 100; i++) {
        const r = await getSageMakerClient().send(
          new ListPipelineExecutionStepsCommand({
            PipelineExecutionArn: arn,
            MaxResults: 100,
            NextToken: token,
          }),
        );
        out.push(...(r.PipelineExecutionSteps ?? []));
        token = r.NextToken;
        if (!token) break;
      }
      return out;
    },
  );
}

function rerunOf(c: SelectiveExecutionConfig | undefined): ExecutionDetail["rerunOf"] {
  const arn = c?.SourcePipelineExecutionArn;
  if (!arn) return undefined;
  return { arn, id: executionIdOf(arn), steps: (c.SelectedSteps ?? []).map((s) => s.StepName ?? "") };
}

/** Status, steps and parameters of one execution; status and steps are shared for LIVE_TTL_MS. */
export async function describeExecutionDetail(arn: string): Promise<ExecutionDetail> {
  const [d, steps, parameters] = await Promise.all([
    describeExecution(arn),
    listExecutionSteps(arn),
    executionParameters(arn),
  ]);
  const summary = toExecutionSummary({ ...d, PipelineParameters: undefined });
  return {
    ...summary,
    parameters,
    experimentName: d.PipelineExperimentConfig?.ExperimentName,
    trialName: d.PipelineExperimentConfig?.TrialName,
    rerunOf: rerunOf(d.SelectiveExecutionConfig),
    pipelineVersionId: d.PipelineVersionId,
    steps: steps.map(toStepInfo),
  };
}

export interface TrainingJobInfo {
  name: string;
  status: string | undefined;
  failureReason: string | undefined;
  metrics: { name: string; value: number }[];
  hyperParameters: Record<string, string>;
}

/** A training step's job: final metrics and hyperparameters (for the step details panel). */
export async function describeTrainingJob(name: string): Promise<TrainingJobInfo> {
  return sagemakerRead(
    {
      key: `pipelines:training-job:${name}`,
      operation: "DescribeTrainingJob",
      resource: `Training job "${name}"`,
      ttlMs: 5_000,
    },
    async () => {
      const r = await getSageMakerClient().send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
      return {
        name,
        status: r.TrainingJobStatus,
        failureReason: r.FailureReason,
        metrics: (r.FinalMetricDataList ?? []).map((m) => ({
          name: m.MetricName ?? "",
          value: m.Value ?? NaN,
        })),
        hyperParameters: r.HyperParameters ?? {},
      };
    },
  );
}
