/** DescribePipelineExecution, ListPipelineExecutions and the PipelineExecution searchable. */
import { type JsonObject } from "../../core/json";
import { inTimeRange, paginate, sortRecords } from "../../core/paginate";
import { defineOperation, defineSearchable } from "../../core/registry";
import { SORT_ORDER, Validator } from "../../core/validate";
import {
  executionIndex,
  executions,
  executionsOf,
  findExecution,
  findPipeline,
  pipelineKey,
  pipelines,
  publicView,
  type ExecutionRecord,
} from "./records";
import { EXEC_ARN } from "./start";

const ARN_MAX = { min: 0, max: 2048 };

function execArnInput(v: Validator): string {
  return v.string("PipelineExecutionArn", { required: true, ...ARN_MAX, pattern: EXEC_ARN }) ?? "";
}

export function describeExecution(e: ExecutionRecord): JsonObject {
  const { ExecutionId: _i, PipelineName: _n, PipelineParameters: _p, Steps: _s, ...rest } = publicView(e);
  return rest;
}

defineOperation("DescribePipelineExecution", (input, ctx) => {
  const v = new Validator(input);
  const a = execArnInput(v);
  v.done();
  return describeExecution(findExecution(ctx.state, a));
});

defineOperation("ListPipelineExecutions", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("PipelineName", { required: true, min: 1, max: 2048 });
  const after = v.timestamp("CreatedAfter");
  const before = v.timestamp("CreatedBefore");
  const sortBy = v.string("SortBy", { enum: ["CreationTime", "PipelineExecutionArn"] }) ?? "CreationTime";
  const order = (v.string("SortOrder", { enum: SORT_ORDER }) ?? "Descending") as "Ascending" | "Descending";
  v.string("NextToken", { max: 8192 });
  const max = v.maxResults();
  v.done();
  const p = findPipeline(ctx.state, name ?? "");
  const query = { p: p.PipelineArn, after, before, sortBy, order };
  const token = input.NextToken as string | undefined;
  let page: { items: ExecutionRecord[]; nextToken?: string };
  if (sortBy === "CreationTime" && after === undefined && before === undefined) {
    // fast path: the per-pipeline index is in start order, so a page costs the same at any size
    const arns = executionIndex(ctx.state).get(pipelineKey(p.PipelineName)) ?? [];
    const ordered = order === "Ascending" ? arns : [...arns].reverse();
    const slice = paginate(ordered, token, max, query);
    const items: ExecutionRecord[] = [];
    for (const a of slice.items) {
      const e = executions(ctx.state).get(a);
      if (e) items.push(e);
    }
    page = { items, ...(slice.nextToken ? { nextToken: slice.nextToken } : {}) };
  } else {
    const all = executionsOf(ctx.state, p.PipelineName).filter((e) =>
      inTimeRange(e.CreationTime, after, before),
    );
    sortRecords(
      all,
      (e) => (sortBy === "CreationTime" ? e.CreationTime : e.PipelineExecutionArn),
      order,
      (e) => String(e.xSeq).padStart(12, "0"),
    );
    page = paginate(all, token, max, query);
  }
  return {
    PipelineExecutionSummaries: page.items.map((e) => ({
      PipelineExecutionArn: e.PipelineExecutionArn,
      StartTime: e.CreationTime,
      PipelineExecutionStatus: e.PipelineExecutionStatus,
      PipelineExecutionDescription: e.PipelineExecutionDescription,
      PipelineExecutionDisplayName: e.PipelineExecutionDisplayName,
      PipelineExecutionFailureReason: e.FailureReason?.slice(0, 3072),
    })),
    NextToken: page.nextToken,
  };
});

/**
 * The Search view of an execution: the stored record behind a read-only proxy that hides internal members
 * (what `describeExecution` drops, except PipelineParameters, which Search records carry). No copy per
 * record, so a Search over a 10,000-execution pipeline costs a filter and a sort, not 10,000 objects.
 */
const HIDDEN_IN_SEARCH = new Set(["ExecutionId", "PipelineName", "Steps"]);
const hiddenInSearch = (k: string | symbol) =>
  typeof k === "string" && (HIDDEN_IN_SEARCH.has(k) || /^x[A-Z]/.test(k));
const searchViewHandler: ProxyHandler<JsonObject> = {
  get: (t, k): unknown => (hiddenInSearch(k) ? undefined : (Reflect.get(t, k) as unknown)),
  has: (t, k) => !hiddenInSearch(k) && Reflect.has(t, k),
  ownKeys: (t) => Reflect.ownKeys(t).filter((k) => !hiddenInSearch(k) && Reflect.get(t, k) !== undefined),
  getOwnPropertyDescriptor: (t, k) =>
    hiddenInSearch(k) ? undefined : Reflect.getOwnPropertyDescriptor(t, k),
  set: () => false,
  deleteProperty: () => false,
};
const searchView = (e: ExecutionRecord): JsonObject => new Proxy(e, searchViewHandler);

defineSearchable({
  resource: "PipelineExecution",
  recordKey: "PipelineExecution",
  *records(state) {
    for (const e of executions(state).values()) yield searchView(e);
  },
  indexed(state, property, value) {
    if (property !== "PipelineArn" && property !== "PipelineExecutionArn") return undefined;
    if (property === "PipelineExecutionArn") {
      const e = executions(state).get(value);
      return e ? [searchView(e)] : [];
    }
    const name = /:pipeline\/([^/]+)$/.exec(value)?.[1];
    const p = name ? pipelines(state).get(name) : undefined;
    if (!p || p.PipelineArn !== value) return [];
    return executionsOf(state, p.PipelineName).map(searchView);
  },
});
