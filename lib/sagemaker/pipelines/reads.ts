import {
  DescribePipelineCommand,
  DescribePipelineDefinitionForExecutionCommand,
  ListPipelinesCommand,
  SearchCommand,
  type PipelineSummary as SdkPipelineSummary,
  type SearchExpression,
} from "@aws-sdk/client-sagemaker";
import { parseDefinition, type PipelineDefinitionModel } from "@/lib/pipelines/definition";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { toExecutionSummary, toPipelineSummary } from "./mappers";
import type { ExecutionSummary, PipelineSummary } from "./types";

/** Every pipeline (ListPipelines to the last page; cached). */
export async function listAllPipelines(): Promise<PipelineSummary[]> {
  return sagemakerRead({ key: "pipelines:all", operation: "ListPipelines" }, async () => {
    const client = getSageMakerClient();
    const out: SdkPipelineSummary[] = [];
    let token: string | undefined;
    for (let i = 0; i < 50; i++) {
      const r = await client.send(new ListPipelinesCommand({ MaxResults: 100, NextToken: token }));
      out.push(...(r.PipelineSummaries ?? []));
      token = r.NextToken;
      if (!token) break;
    }
    return out.map(toPipelineSummary);
  });
}

export interface PipelineDetail extends PipelineSummary {
  definition: PipelineDefinitionModel;
}

export async function describePipeline(name: string): Promise<PipelineDetail> {
  return sagemakerRead(
    { key: `pipelines:describe:${name}`, operation: "DescribePipeline", resource: `Pipeline "${name}"` },
    async () => {
      const r = await getSageMakerClient().send(new DescribePipelineCommand({ PipelineName: name }));
      return {
        name: r.PipelineName ?? name,
        arn: r.PipelineArn ?? "",
        displayName: r.PipelineDisplayName ?? r.PipelineName ?? name,
        description: r.PipelineDescription,
        createdAt: r.CreationTime?.getTime(),
        lastModifiedAt: r.LastModifiedTime?.getTime(),
        lastExecutionAt: r.LastRunTime?.getTime(),
        definition: parseDefinition(r.PipelineDefinition),
      };
    },
  );
}

/** The definition an execution ran with (immutable, so cached for long). */
export async function executionDefinition(executionArn: string): Promise<PipelineDefinitionModel> {
  return sagemakerRead(
    {
      key: `pipelines:exec-definition:${executionArn}`,
      operation: "DescribePipelineDefinitionForExecution",
      resource: "This pipeline execution",
      ttlMs: 10 * 60_000,
    },
    async () => {
      const r = await getSageMakerClient().send(
        new DescribePipelineDefinitionForExecutionCommand({ PipelineExecutionArn: executionArn }),
      );
      return parseDefinition(r.PipelineDefinition);
    },
  );
}

export interface ExecutionSearch {
  pipelineArn: string;
  status?: string;
  parameter?: { name: string; value: string };
  /** matches an execution ARN, an execution ID or part of a display name */
  find?: string;
  /** keyset paging on start time (epoch ms): strictly older / strictly newer than this */
  before?: number;
  after?: number;
  pageSize: number;
}

function expressionOf(q: ExecutionSearch): SearchExpression {
  const filters: NonNullable<SearchExpression["Filters"]> = [
    { Name: "PipelineArn", Operator: "Equals", Value: q.pipelineArn },
  ];
  if (q.status) filters.push({ Name: "PipelineExecutionStatus", Operator: "Equals", Value: q.status });
  if (q.before !== undefined)
    filters.push({ Name: "CreationTime", Operator: "LessThan", Value: new Date(q.before).toISOString() });
  if (q.after !== undefined)
    filters.push({ Name: "CreationTime", Operator: "GreaterThan", Value: new Date(q.after).toISOString() });
  const expression: SearchExpression = { Filters: filters, Operator: "And" };
  if (q.parameter) {
    expression.NestedFilters = [
      {
        NestedPropertyName: "PipelineParameters",
        Filters: [
          { Name: "PipelineParameters.Name", Operator: "Equals", Value: q.parameter.name },
          { Name: "PipelineParameters.Value", Operator: "Equals", Value: q.parameter.value },
        ],
      },
    ];
  }
  const find = q.find?.trim();
  if (find) {
    const arn = find.startsWith("arn:") ? find : `${q.pipelineArn}/execution/${find.toLowerCase()}`;
    expression.SubExpressions = [
      {
        Operator: "Or",
        Filters: [
          { Name: "PipelineExecutionArn", Operator: "Equals", Value: arn },
          { Name: "PipelineExecutionDisplayName", Operator: "Contains", Value: find },
        ],
      },
    ];
  }
  return expression;
}

/**
 * One page of a pipeline's executions, newest first, with parameters and CreatedBy: a single Search
 * call per page whatever the pipeline's size (keyset paging on the start time, no NextToken walk).
 */
export async function searchExecutions(
  q: ExecutionSearch,
): Promise<{ items: ExecutionSummary[]; hasMore: boolean }> {
  const ascending = q.after !== undefined && q.before === undefined;
  const key = `pipelines:executions:${JSON.stringify(q)}`;
  return sagemakerRead(
    { key, operation: "Search", resource: "This pipeline's executions", ttlMs: 2_000 },
    async () => {
      const r = await getSageMakerClient().send(
        new SearchCommand({
          Resource: "PipelineExecution",
          SearchExpression: expressionOf(q),
          SortBy: "CreationTime",
          SortOrder: ascending ? "Ascending" : "Descending",
          MaxResults: Math.min(100, q.pageSize + 1),
        }),
      );
      const all = (r.Results ?? [])
        .map((x) => x.PipelineExecution)
        .filter((x) => x !== undefined)
        .map(toExecutionSummary);
      const items = all.slice(0, q.pageSize);
      if (ascending) items.reverse();
      return { items, hasMore: all.length > q.pageSize || Boolean(r.NextToken && all.length >= q.pageSize) };
    },
  );
}
