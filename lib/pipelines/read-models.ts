/** Server-side read models for the pipeline pages (used by the API routes and the server prefetch). */
import { z } from "zod";
import { getDb } from "@/lib/db";
import { startersOf as runStarters } from "@/lib/db/run-actions";
import { describeExecutionDetail } from "@/lib/sagemaker/pipelines/executions";
import {
  describePipeline,
  executionDefinition,
  listAllPipelines,
  searchExecutions,
} from "@/lib/sagemaker/pipelines/reads";
import { statsOfPipelines } from "@/lib/sagemaker/pipelines/stats";
import {
  EXECUTION_STATUSES,
  type ExecutionDetail,
  type ExecutionSummary,
  type PipelineStats,
  type PipelineSummary,
} from "@/lib/sagemaker/pipelines/types";
import type { DefinitionStep, PipelineParameter } from "./definition";

export const PIPELINES_PAGE_SIZE = 20;
export const EXECUTIONS_PAGE_SIZE = 25;

export const pipelineListQuery = z.object({
  q: z.string().max(256).optional(),
  sort: z.enum(["name", "lastModified", "lastRun", "created"]).default("lastRun"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export interface PipelineListQuery {
  q?: string;
  sort?: "name" | "lastModified" | "lastRun" | "created";
  order?: "asc" | "desc";
  page?: number;
}

export interface PipelineRow extends PipelineSummary {
  stats: PipelineStats | { error: string };
}
export interface PipelineListPage {
  items: PipelineRow[];
  total: number;
  page: number;
  pageSize: number;
}

export async function getPipelineList(input: PipelineListQuery): Promise<PipelineListPage> {
  const q = pipelineListQuery.parse(input);
  const needle = q.q?.trim().toLowerCase();
  const all = (await listAllPipelines()).filter(
    (p) => !needle || p.name.toLowerCase().includes(needle) || p.displayName.toLowerCase().includes(needle),
  );
  const value = (p: PipelineSummary): string | number =>
    q.sort === "name"
      ? p.name
      : ((q.sort === "lastModified"
          ? p.lastModifiedAt
          : q.sort === "created"
            ? p.createdAt
            : p.lastExecutionAt) ?? 0);
  all.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === "string" ? x.localeCompare(String(y)) : x - Number(y);
    return q.order === "asc" ? c : -c;
  });
  const start = (q.page - 1) * PIPELINES_PAGE_SIZE;
  const pageItems = all.slice(start, start + PIPELINES_PAGE_SIZE);
  // stats only for the rows on the page, all of them from one synced set of their executions
  let stats: Map<string, PipelineStats> | { error: string };
  try {
    stats = await statsOfPipelines(pageItems.map((p) => p.arn));
  } catch (err) {
    stats = { error: err instanceof Error ? err.message : "Could not read the runs." };
  }
  const items = pageItems.map((p): PipelineRow => ({
    ...p,
    stats: stats instanceof Map ? (stats.get(p.arn) ?? { error: "Could not read the runs." }) : stats,
  }));
  return { items, total: all.length, page: q.page, pageSize: PIPELINES_PAGE_SIZE };
}

export const executionListQuery = z.object({
  status: z.enum(EXECUTION_STATUSES as [string, ...string[]]).optional(),
  /** `Name=Value` */
  param: z
    .string()
    .regex(/^[A-Za-z0-9_-]+=.*$/, "Use Name=Value, e.g. MaxDepth=6.")
    .max(1300)
    .optional(),
  find: z.string().max(2048).optional(),
  before: z.coerce.number().int().positive().optional(),
  after: z.coerce.number().int().positive().optional(),
});
export interface ExecutionListQuery {
  status?: string;
  param?: string;
  find?: string;
  before?: number;
  after?: number;
}

export interface ExecutionRow extends ExecutionSummary {
  /** the SageDeck user who started it here, else SageMaker's CreatedBy */
  startedBy: string | undefined;
  startedHere: boolean;
}
export interface ExecutionListPage {
  pipeline: { name: string; displayName: string; arn: string; parameters: PipelineParameter[] };
  items: ExecutionRow[];
  hasOlder: boolean;
  hasNewer: boolean;
}

/** SageDeck users who started these executions (SageDeck's own record of run starts). */
async function startersOf(arns: string[]): Promise<Map<string, string>> {
  if (arns.length === 0) return new Map();
  return runStarters(await getDb(), arns);
}

export async function getExecutionList(name: string, input: ExecutionListQuery): Promise<ExecutionListPage> {
  const q = executionListQuery.parse(input);
  const pipeline = await describePipeline(name);
  const sep = q.param?.indexOf("=") ?? -1;
  const parameter =
    q.param && sep > 0 ? { name: q.param.slice(0, sep), value: q.param.slice(sep + 1) } : undefined;
  const page = await searchExecutions({
    pipelineArn: pipeline.arn,
    status: q.status,
    parameter,
    find: q.find,
    before: q.before,
    after: q.before === undefined ? q.after : undefined,
    pageSize: EXECUTIONS_PAGE_SIZE,
  });
  const starters = await startersOf(page.items.map((e) => e.arn));
  const paging = q.after !== undefined && q.before === undefined;
  return {
    pipeline: {
      name: pipeline.name,
      displayName: pipeline.displayName,
      arn: pipeline.arn,
      parameters: pipeline.definition.parameters,
    },
    items: page.items.map((e) => ({
      ...e,
      startedBy: starters.get(e.arn) ?? e.createdBy,
      startedHere: starters.has(e.arn),
    })),
    hasOlder: paging ? true : page.hasMore,
    hasNewer: paging ? page.hasMore : q.before !== undefined,
  };
}

export interface ExecutionView extends ExecutionDetail {
  startedBy: string | undefined;
  startedHere: boolean;
  definitionSteps: DefinitionStep[];
  pipelineDisplayName: string;
}

export async function getExecutionView(name: string, id: string): Promise<ExecutionView> {
  const pipeline = await describePipeline(name);
  const arn = `${pipeline.arn}/execution/${id}`;
  const [detail, starters, definition] = await Promise.all([
    describeExecutionDetail(arn),
    startersOf([arn]),
    executionDefinition(arn),
  ]);
  return {
    ...detail,
    startedBy: starters.get(arn) ?? detail.createdBy,
    startedHere: starters.has(arn),
    definitionSteps: definition.steps,
    pipelineDisplayName: pipeline.displayName,
  };
}
