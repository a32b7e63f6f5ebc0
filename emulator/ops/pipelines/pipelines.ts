/** CreatePipeline, UpdatePipeline, DescribePipeline, ListPipelines, DeletePipeline, ListPipelineVersions. */
import { text as asText } from "./engine/text";
import { nameFromArn } from "../../core/arn";
import type { Ctx } from "../../core/context";
import { notFound, validation } from "../../core/errors";
import { idempotent } from "../../core/idempotency";
import type { JsonObject } from "../../core/json";
import { inTimeRange, paginate, sortRecords } from "../../core/paginate";
import { defineOperation, defineSearchable } from "../../core/registry";
import { addTags, getTags, parseTags, tagStore } from "../../core/tags";
import { NAME_PATTERN, SORT_ORDER, Validator } from "../../core/validate";
import { definitionText, parallelism, ROLE_ARN, TOKEN, withoutToken } from "./common";
import { parseDefinition } from "./engine/definition";
import {
  activeExecutions,
  executionIndex,
  executions,
  findPipeline,
  pipelineArn,
  pipelineKey,
  pipelines,
  pipelineVersions,
  publicView,
  versionKey,
  type PipelineRecord,
  type PipelineVersionRecord,
} from "./records";

const NAME = {
  min: 1,
  max: 256,
  pattern: NAME_PATTERN.pipeline,
  patternText: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}",
};

function addVersion(ctx: Ctx, p: PipelineRecord, definition: string, input: JsonObject): number {
  const id = p.PipelineVersionId + 1;
  const now = ctx.now();
  const v: PipelineVersionRecord = {
    PipelineArn: p.PipelineArn,
    PipelineVersionId: id,
    PipelineDefinition: definition,
    CreationTime: now,
    CreatedBy: ctx.identity,
    LastModifiedTime: now,
    LastModifiedBy: ctx.identity,
  };
  if (typeof input.PipelineVersionDisplayName === "string")
    v.PipelineVersionDisplayName = input.PipelineVersionDisplayName;
  if (typeof input.PipelineVersionDescription === "string")
    v.PipelineVersionDescription = input.PipelineVersionDescription;
  pipelineVersions(ctx.state).set(versionKey(p.PipelineName, id), v);
  return id;
}

defineOperation("CreatePipeline", async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("PipelineName", { required: true, ...NAME });
  v.string("PipelineDisplayName", NAME);
  v.string("PipelineDescription", { max: 3072 });
  const token = v.string("ClientRequestToken", { required: true, ...TOKEN });
  v.string("RoleArn", { required: true, min: 20, max: 2048, pattern: ROLE_ARN });
  const pc = parallelism(v);
  const tags = parseTags(input.Tags);
  const text = definitionText(v, ctx.state, true) ?? "";
  return idempotent(ctx, "CreatePipeline", token, withoutToken(input), () => {
    if (!name) throw validation("PipelineName is required.");
    if (pipelines(ctx.state).has(pipelineKey(name)))
      throw validation(
        `Pipeline names must be unique within an AWS account and region. Pipeline with name (${name}) already exists.`,
      );
    parseDefinition(text);
    const now = ctx.now();
    const p: PipelineRecord = {
      PipelineArn: pipelineArn(name),
      PipelineName: name,
      RoleArn: asText(input.RoleArn),
      PipelineStatus: "Active",
      CreationTime: now,
      LastModifiedTime: now,
      CreatedBy: ctx.identity,
      LastModifiedBy: ctx.identity,
      PipelineVersionId: 0,
      PipelineDisplayName: typeof input.PipelineDisplayName === "string" ? input.PipelineDisplayName : name,
      ...(typeof input.PipelineDescription === "string"
        ? { PipelineDescription: input.PipelineDescription }
        : {}),
      ...(pc ? { ParallelismConfiguration: pc } : {}),
    };
    p.PipelineVersionId = addVersion(ctx, p, text, input);
    pipelines(ctx.state).set(pipelineKey(name), p);
    addTags(ctx.state, p.PipelineArn, tags);
    return { PipelineArn: p.PipelineArn };
  });
});

defineOperation("UpdatePipeline", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("PipelineName", { required: true, min: 1, max: 2048 });
  v.string("PipelineDisplayName", NAME);
  v.string("PipelineDescription", { max: 3072 });
  v.string("RoleArn", { min: 20, max: 2048, pattern: ROLE_ARN });
  const pc = parallelism(v);
  const text = definitionText(v, ctx.state, false);
  const p = findPipeline(ctx.state, name ?? "");
  if (text !== undefined) {
    parseDefinition(text);
    p.PipelineVersionId = addVersion(ctx, p, text, input);
  }
  if (typeof input.PipelineDisplayName === "string") p.PipelineDisplayName = input.PipelineDisplayName;
  if (typeof input.PipelineDescription === "string") p.PipelineDescription = input.PipelineDescription;
  if (typeof input.RoleArn === "string") p.RoleArn = input.RoleArn;
  if (pc) p.ParallelismConfiguration = pc;
  p.LastModifiedTime = ctx.now();
  p.LastModifiedBy = ctx.identity;
  pipelines(ctx.state).set(pipelineKey(p.PipelineName), p);
  return { PipelineArn: p.PipelineArn, PipelineVersionId: p.PipelineVersionId };
});

export function versionOf(ctx: Ctx, p: PipelineRecord, id: number): PipelineVersionRecord {
  const v = pipelineVersions(ctx.state).get(versionKey(p.PipelineName, id));
  if (!v) throw notFound(`Pipeline version ${id} of pipeline '${p.PipelineArn}' does not exist.`);
  return v;
}

defineOperation("DescribePipeline", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("PipelineName", { required: true, min: 1, max: 2048 });
  const version = v.number("PipelineVersionId", { min: 1, integer: true });
  v.done();
  const p = findPipeline(ctx.state, name ?? "");
  const ver = versionOf(ctx, p, version ?? p.PipelineVersionId);
  const { PipelineVersionId: _id, ...rest } = publicView(p);
  return {
    ...rest,
    PipelineDefinition: ver.PipelineDefinition,
    PipelineVersionDisplayName: ver.PipelineVersionDisplayName,
    PipelineVersionDescription: ver.PipelineVersionDescription,
  };
});

defineOperation("ListPipelines", (input, ctx) => {
  const v = new Validator(input);
  const prefix = v.string("PipelineNamePrefix", { min: 1, max: 256, ...{ pattern: NAME_PATTERN.pipeline } });
  const after = v.timestamp("CreatedAfter");
  const before = v.timestamp("CreatedBefore");
  const sortBy = v.string("SortBy", { enum: ["Name", "CreationTime"] }) ?? "CreationTime";
  const order = (v.string("SortOrder", { enum: SORT_ORDER }) ?? "Descending") as "Ascending" | "Descending";
  v.string("NextToken", { max: 8192 });
  const max = v.maxResults();
  v.done();
  const all = [...pipelines(ctx.state).values()].filter(
    (p) =>
      (!prefix || p.PipelineName.toLowerCase().startsWith(prefix.toLowerCase())) &&
      inTimeRange(p.CreationTime, after, before),
  );
  sortRecords(
    all,
    (p) => (sortBy === "Name" ? p.PipelineName : p.CreationTime),
    order,
    (p) => p.PipelineName,
  );
  const page = paginate(all, input.NextToken as string | undefined, max, {
    prefix,
    after,
    before,
    sortBy,
    order,
  });
  return {
    PipelineSummaries: page.items.map((p) => ({
      PipelineArn: p.PipelineArn,
      PipelineName: p.PipelineName,
      PipelineDisplayName: p.PipelineDisplayName,
      PipelineDescription: p.PipelineDescription,
      RoleArn: p.RoleArn,
      CreationTime: p.CreationTime,
      LastModifiedTime: p.LastModifiedTime,
      LastExecutionTime: p.LastRunTime,
    })),
    NextToken: page.nextToken,
  };
});

defineOperation("DeletePipeline", async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("PipelineName", { required: true, min: 1, max: 2048 });
  const token = v.string("ClientRequestToken", { required: true, ...TOKEN });
  v.done();
  return idempotent(ctx, "DeletePipeline", token, withoutToken(input), () => {
    const p = findPipeline(ctx.state, name ?? "");
    const key = pipelineKey(p.PipelineName);
    for (let i = 1; i <= p.PipelineVersionId; i++)
      pipelineVersions(ctx.state).delete(versionKey(p.PipelineName, i));
    for (const a of executionIndex(ctx.state).get(key) ?? []) {
      executions(ctx.state).delete(a);
      activeExecutions(ctx.state).delete(a);
    }
    executionIndex(ctx.state).delete(key);
    tagStore(ctx.state).delete(p.PipelineArn);
    pipelines(ctx.state).delete(key);
    return { PipelineArn: p.PipelineArn };
  });
});

defineOperation("ListPipelineVersions", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("PipelineName", { required: true, min: 1, max: 2048 });
  const after = v.timestamp("CreatedAfter");
  const before = v.timestamp("CreatedBefore");
  const order = (v.string("SortOrder", { enum: SORT_ORDER }) ?? "Descending") as "Ascending" | "Descending";
  v.string("NextToken", { max: 8192 });
  const max = v.maxResults();
  v.done();
  const p = findPipeline(ctx.state, name ?? "");
  const all: PipelineVersionRecord[] = [];
  for (let i = 1; i <= p.PipelineVersionId; i++) {
    const ver = pipelineVersions(ctx.state).get(versionKey(p.PipelineName, i));
    if (ver && inTimeRange(ver.CreationTime, after, before)) all.push(ver);
  }
  sortRecords(
    all,
    (x) => x.PipelineVersionId,
    order,
    (x) => String(x.PipelineVersionId).padStart(10, "0"),
  );
  const page = paginate(all, input.NextToken as string | undefined, max, {
    p: p.PipelineArn,
    after,
    before,
    order,
  });
  return {
    PipelineVersionSummaries: page.items.map((x) => ({
      PipelineArn: x.PipelineArn,
      PipelineVersionId: x.PipelineVersionId,
      CreationTime: x.CreationTime,
      PipelineVersionDescription: x.PipelineVersionDescription,
      PipelineVersionDisplayName: x.PipelineVersionDisplayName,
      LastExecutionPipelineExecutionArn: x.LastExecutionPipelineExecutionArn,
    })),
    NextToken: page.nextToken,
  };
});

defineSearchable({
  resource: "Pipeline",
  recordKey: "Pipeline",
  *records(state) {
    for (const p of pipelines(state).values()) {
      const { PipelineVersionId: _v, ...rest } = publicView(p);
      yield { ...rest, Tags: getTags(state, p.PipelineArn) };
    }
  },
  indexed(state, property, value) {
    if (property !== "PipelineName" && property !== "PipelineArn") return undefined;
    const name = property === "PipelineArn" ? nameFromArn(value, "pipeline") : value;
    const p = name ? pipelines(state).get(pipelineKey(name)) : undefined;
    if (!p || (property === "PipelineName" ? p.PipelineName !== value : p.PipelineArn !== value)) return [];
    const { PipelineVersionId: _v, ...rest } = publicView(p);
    return [{ ...rest, Tags: getTags(state, p.PipelineArn) }];
  },
});
