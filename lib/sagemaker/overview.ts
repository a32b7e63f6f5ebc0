import {
  ListExperimentsCommand,
  ListModelPackageGroupsCommand,
  ListPipelinesCommand,
  SearchCommand,
} from "@aws-sdk/client-sagemaker";
import type { RunDetail } from "@/lib/experiments/types";
import { isAppError } from "@/lib/errors";
import { getSageMakerClient } from "./client";
import { sagemakerRead } from "./call";
import { toRunDetail } from "@/lib/sagemaker/experiments/mappers";
import { LIVE_TTL_MS } from "@/lib/sagemaker/pipelines/executions";
import { toExecutionSummary } from "@/lib/sagemaker/pipelines/mappers";
import type { ExecutionSummary } from "@/lib/sagemaker/pipelines/types";

/** Count of the first page (up to 100); `more` when SageMaker has further pages; or why it is unknown. */
export type CountResult = { ok: true; count: number; more: boolean } | { ok: false; message: string };

export interface OverviewSummary {
  experiments: CountResult;
  pipelines: CountResult;
  modelGroups: CountResult;
}

async function count(
  load: () => Promise<{ items: unknown[] | undefined; next: string | undefined }>,
): Promise<CountResult> {
  try {
    const { items, next } = await load();
    return { ok: true, count: items?.length ?? 0, more: Boolean(next) };
  } catch (err) {
    return { ok: false, message: isAppError(err) ? err.message : "Could not read this from SageMaker." };
  }
}

/** A first look at the account: how many experiments, pipelines and model groups there are. */
export async function getOverviewSummary(): Promise<OverviewSummary> {
  const client = getSageMakerClient();
  const [experiments, pipelines, modelGroups] = await Promise.all([
    count(async () => {
      const r = await sagemakerRead({ key: "experiments:list:overview", operation: "ListExperiments" }, () =>
        client.send(new ListExperimentsCommand({ MaxResults: 100 })),
      );
      return { items: r.ExperimentSummaries, next: r.NextToken };
    }),
    count(async () => {
      const r = await sagemakerRead({ key: "pipelines:list:overview", operation: "ListPipelines" }, () =>
        client.send(new ListPipelinesCommand({ MaxResults: 100 })),
      );
      return { items: r.PipelineSummaries, next: r.NextToken };
    }),
    count(async () => {
      const r = await sagemakerRead(
        { key: "models:groups:overview", operation: "ListModelPackageGroups" },
        () => client.send(new ListModelPackageGroupsCommand({ MaxResults: 100 })),
      );
      return { items: r.ModelPackageGroupSummaryList, next: r.NextToken };
    }),
  ]);
  return { experiments, pipelines, modelGroups };
}

/**
 * Several executions' live status in one Search (`PipelineExecutionArn In …`, ~9 ARNs a call within the filter
 * value's 1,024 characters), not one DescribePipelineExecution each; an ARN SageMaker no longer has is left out.
 */
export async function executionStatuses(arns: string[]): Promise<Map<string, ExecutionSummary>> {
  const wanted = [...new Set(arns)].sort();
  const chunks: string[][] = [];
  for (const a of wanted) {
    const last = chunks[chunks.length - 1];
    if (last && [...last, a].join(",").length <= 1024) last.push(a);
    else chunks.push([a]);
  }
  const pages = await Promise.all(
    chunks.map((chunk) =>
      sagemakerRead(
        {
          key: `pipelines:exec-status:${chunk.join(",")}`,
          operation: "Search",
          resource: "These pipeline executions",
          ttlMs: LIVE_TTL_MS,
        },
        async () => {
          const r = await getSageMakerClient().send(
            new SearchCommand({
              Resource: "PipelineExecution",
              SearchExpression: {
                Filters: [{ Name: "PipelineExecutionArn", Operator: "In", Value: chunk.join(",") }],
              },
              MaxResults: 100,
            }),
          );
          return (r.Results ?? []).flatMap((x) =>
            x.PipelineExecution
              ? [toExecutionSummary({ ...x.PipelineExecution, PipelineParameters: undefined })]
              : [],
          );
        },
      ),
    ),
  );
  return new Map(pages.flat().map((e) => [e.arn, e]));
}

/** The newest experiment runs across all experiments: one Search, newest first (runs outside an experiment are skipped). */
export async function newestExperimentRuns(limit: number): Promise<RunDetail[]> {
  const input = {
    Resource: "ExperimentTrialComponent" as const,
    SortBy: "CreationTime",
    SortOrder: "Descending" as const,
    MaxResults: Math.min(100, limit * 2),
  };
  const r = await sagemakerRead(
    { key: `experiments:newest-runs:${input.MaxResults}`, operation: "Search" },
    () => getSageMakerClient().send(new SearchCommand(input)),
  );
  return (r.Results ?? [])
    .flatMap((x) => (x.TrialComponent ? [toRunDetail(x.TrialComponent)] : []))
    .filter((run) => run.experimentName !== undefined)
    .slice(0, limit);
}
