/** CreatePipeline, GetPipeline, ListPipelines; TagResource, UntagResource, ListTagsForResource. */
import { defineOperation } from "../core/registry";
import type { Ctx } from "../core/context";
import { AwsError } from "../core/errors";
import { Validator } from "../core/validate";
import { copy, isObject, type JsonObject } from "../core/json";
import { paginate } from "../core/paginate";
import { checkDeclaration, PIPELINE_NAME } from "./declaration";
import { cpTags, pipelineArn, pipelines, requirePipeline, text, type PipelineRecord } from "./store";

export const op = (name: string) => `codepipeline:${name}`;

type CpTag = { key: string; value: string };

function parseCpTags(v: Validator, value: unknown, at = "tags"): CpTag[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    v.fail(`Value at '${at}' failed to satisfy constraint: Member must be a list`);
    return [];
  }
  if (value.length > 50) throw new AwsError("TooManyTagsException", "Tag limit exceeded: at most 50 tags");
  return value.map((t, i) => {
    const tag = isObject(t) ? t : {};
    v.string("key", { required: true, min: 1, max: 128 }, tag, `${at}.${i + 1}.member.key`);
    v.string("value", { required: true, max: 256 }, tag, `${at}.${i + 1}.member.value`);
    return { key: text(tag.key), value: text(tag.value) };
  });
}

/** Paging with CodePipeline's own error for a bad token. */
export function page<T>(all: T[], token: unknown, max: number, query: unknown) {
  try {
    return paginate(all, typeof token === "string" ? token : undefined, max, query);
  } catch {
    throw new AwsError(
      "InvalidNextTokenException",
      "The next token was specified in an invalid format. Make sure that the next token you provide is the token returned by a previous call.",
    );
  }
}

defineOperation(op("CreatePipeline"), (input, ctx) => {
  const declaration = checkDeclaration(input);
  const v = new Validator(input);
  const tags = parseCpTags(v, input.tags);
  v.done();
  const name = text(declaration.name);
  if (pipelines(ctx.state).has(name))
    throw new AwsError("PipelineNameInUseException", `Pipeline with name '${name}' already exists`);
  const now = ctx.now();
  const record: PipelineRecord = { declaration, pipelineArn: pipelineArn(name), created: now, updated: now };
  pipelines(ctx.state).set(name, record);
  if (tags.length > 0) cpTags(ctx.state).set(record.pipelineArn, tags);
  return { pipeline: copy(declaration), ...(tags.length > 0 ? { tags } : {}) };
});

const nameOnly = (input: JsonObject, member = "name") => {
  const v = new Validator(input);
  const name = v.string(member, { required: true, ...PIPELINE_NAME });
  return { v, name: name ?? "" };
};

defineOperation(op("GetPipeline"), (input, ctx) => {
  const { v, name } = nameOnly(input);
  const version = v.number("version", { integer: true, min: 1 });
  v.done();
  const p = requirePipeline(ctx, name);
  if (version !== undefined && version !== p.declaration.version)
    throw new AwsError(
      "PipelineVersionNotFoundException",
      `Pipeline '${name}' does not have a version ${version}`,
    );
  return {
    pipeline: copy(p.declaration),
    metadata: { pipelineArn: p.pipelineArn, created: p.created, updated: p.updated },
  };
});

defineOperation(op("ListPipelines"), (input, ctx) => {
  const v = new Validator(input);
  const max = v.number("maxResults", { integer: true, min: 1, max: 1000 }) ?? 1000;
  v.string("nextToken", { min: 1, max: 2048 });
  v.done();
  const all = [...pipelines(ctx.state).values()].sort((a, b) =>
    text(a.declaration.name).localeCompare(text(b.declaration.name)),
  );
  const p = page(all, input.nextToken, max, { op: "ListPipelines" });
  return {
    pipelines: p.items.map((r) => ({
      name: r.declaration.name,
      version: r.declaration.version,
      pipelineType: r.declaration.pipelineType,
      executionMode: r.declaration.executionMode,
      created: r.created,
      updated: r.updated,
    })),
    ...(p.nextToken ? { nextToken: p.nextToken } : {}),
  };
});

const ARN = /^arn:aws(-[\w]+)*:codepipeline:.+:[0-9]{12}:.+$/;

function pipelineOfArn(ctx: Ctx, arn: string) {
  const name = arn.split(":").slice(5).join(":");
  const p = pipelines(ctx.state).get(name);
  if (!p || p.pipelineArn !== arn)
    throw new AwsError("ResourceNotFoundException", `The resource with the ARN ${arn} cannot be found.`);
  return p;
}

defineOperation(op("TagResource"), (input, ctx) => {
  const v = new Validator(input);
  const arn = v.string("resourceArn", { required: true, pattern: ARN, patternText: ARN.source });
  const tags = parseCpTags(v, input.tags);
  if (input.tags === undefined)
    v.fail("Value null at 'tags' failed to satisfy constraint: Member must not be null");
  v.done();
  const p = pipelineOfArn(ctx, arn ?? "");
  const byKey = new Map((cpTags(ctx.state).get(p.pipelineArn) ?? []).map((t) => [t.key, t]));
  for (const t of tags) byKey.set(t.key, t);
  if (byKey.size > 50) throw new AwsError("TooManyTagsException", "Tag limit exceeded: at most 50 tags");
  cpTags(ctx.state).set(p.pipelineArn, [...byKey.values()]);
  return {};
});

defineOperation(op("UntagResource"), (input, ctx) => {
  const v = new Validator(input);
  const arn = v.string("resourceArn", { required: true, pattern: ARN, patternText: ARN.source });
  const keys = v.array("tagKeys", { required: true }) ?? [];
  v.done();
  const p = pipelineOfArn(ctx, arn ?? "");
  const left = (cpTags(ctx.state).get(p.pipelineArn) ?? []).filter((t) => !keys.includes(t.key));
  cpTags(ctx.state).set(p.pipelineArn, left);
  return {};
});

defineOperation(op("ListTagsForResource"), (input, ctx) => {
  const v = new Validator(input);
  const arn = v.string("resourceArn", { required: true, pattern: ARN, patternText: ARN.source });
  const max = v.number("maxResults", { integer: true, min: 1, max: 100 }) ?? 100;
  v.done();
  const p = pipelineOfArn(ctx, arn ?? "");
  const pg = page(cpTags(ctx.state).get(p.pipelineArn) ?? [], input.nextToken, max, { arn });
  return { tags: pg.items, ...(pg.nextToken ? { nextToken: pg.nextToken } : {}) };
});
