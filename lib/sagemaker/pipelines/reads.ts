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
import type { ExecutionSummary, PipelineStats, PipelineSummary } from "./types";

const DAY_MS = 86_400_000;
/** Stats scan at most this many executions per pipeline (10 Search pages). */
export const STATS_SCAN_CAP = 1_000;

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

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Success rate, median duration and run count over the last `days` days (Search, newest first). */
export async function pipelineStats(
  pipelineArn: string,
  days = 30,
  now = Date.now(),
): Promise<PipelineStats> {
  const since = Math.floor((now - days * DAY_MS) / 60_000) * 60_000; // minute-aligned: a stable cache key
  return sagemakerRead(
    { key: `pipelines:stats:${pipelineArn}:${since}`, operation: "Search", ttlMs: 30_000 },
    async () => {
      const client = getSageMakerClient();
      const rows: ExecutionSummary[] = [];
      let token: string | undefined;
      let capped = false;
      do {
        const r = await client.send(
          new SearchCommand({
            Resource: "PipelineExecution",
            SearchExpression: {
              Filters: [
                { Name: "PipelineArn", Operator: "Equals", Value: pipelineArn },
                { Name: "CreationTime", Operator: "GreaterThan", Value: new Date(since).toISOString() },
              ],
            },
            SortBy: "CreationTime",
            SortOrder: "Descending",
            MaxResults: 100,
            NextToken: token,
          }),
        );
        for (const x of r.Results ?? [])
          if (x.PipelineExecution) rows.push(toExecutionSummary(x.PipelineExecution));
        token = r.NextToken;
        if (token && rows.length >= STATS_SCAN_CAP) capped = true;
      } while (token && !capped);
      let latest = rows[0];
      if (!latest) {
        const last = await searchExecutions({ pipelineArn, pageSize: 1 });
        latest = last.items[0];
      }
      const finished = rows.filter(
        (r) => r.status === "Succeeded" || r.status === "Failed" || r.status === "Stopped",
      );
      const succeeded = finished.filter((r) => r.status === "Succeeded");
      return {
        runs: rows.length,
        successRate: finished.length ? succeeded.length / finished.length : null,
        medianDurationMs: median(
          succeeded.map((r) => r.durationMs).filter((d): d is number => d !== undefined),
        ),
        latestStatus: latest?.status ?? null,
        latestStartedAt: latest?.startedAt ?? null,
        capped,
      };
    },
  );
}
