/** Model package groups: Create/Describe/List/Delete (reference §1.3). */
import { defineOperation, defineSearchable } from "../../core/registry";
import { copy } from "../../core/json";
import { Validator, NAME_PATTERN } from "../../core/validate";
import { validation, conflict } from "../../core/errors";
import { arn } from "../../core/arn";
import { parseTags, addTags, getTags, tagStore } from "../../core/tags";
import type { JsonObject } from "../../core/json";
import { listPage } from "../../core/list";
import { groups, groupKey, groupVersions, versionCounters, type GroupRecord } from "./store";

const GROUP_REF = {
  max: 170,
  pattern:
    /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]{9,16}:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$/,
  patternText:
    "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]{9,16}:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$",
};

export function groupNotFound(name: string): Error {
  return validation(`ModelPackageGroup ${name} does not exist.`);
}

defineOperation("CreateModelPackageGroup", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageGroupName", {
    required: true,
    min: 1,
    max: 63,
    pattern: NAME_PATTERN.resource,
    patternText: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
  });
  const description = v.string("ModelPackageGroupDescription", { max: 1024 });
  v.done();
  const tags = parseTags(input.Tags);
  if (!name) throw validation("ModelPackageGroupName is required");
  const key = groupKey(name);
  const groupArn = arn("model-package-group", name);
  if (groups(ctx.state).has(key)) throw validation(`Model Package Group already exists: ${groupArn}`);
  const record: GroupRecord = {
    ModelPackageGroupName: name,
    ModelPackageGroupArn: groupArn,
    ...(description !== undefined ? { ModelPackageGroupDescription: description } : {}),
    CreationTime: ctx.now(),
    CreatedBy: ctx.identity,
    ModelPackageGroupStatus: "Completed",
  };
  groups(ctx.state).set(key, record);
  addTags(ctx.state, groupArn, tags);
  return { ModelPackageGroupArn: groupArn };
});

defineOperation("DescribeModelPackageGroup", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageGroupName", { required: true, min: 1, ...GROUP_REF });
  v.done();
  const g = groups(ctx.state).get(groupKey(name ?? ""));
  if (!g) throw groupNotFound(name ?? "");
  return copy(g);
});

defineOperation("ListModelPackageGroups", (input, ctx) => {
  const v = new Validator(input);
  v.string("CrossAccountFilterOption", { enum: ["SameAccount", "CrossAccount"] });
  const page = listPage<GroupRecord>(input, groups(ctx.state).values(), {
    validator: v,
    sortKeys: { Name: (g) => g.ModelPackageGroupName, CreationTime: (g) => g.CreationTime },
    defaultSortBy: "CreationTime",
    defaultOrder: "Ascending",
    name: (g) => g.ModelPackageGroupName,
    creationTime: (g) => g.CreationTime,
  });
  return {
    ModelPackageGroupSummaryList: page.items.map((g) => ({
      ModelPackageGroupName: g.ModelPackageGroupName,
      ModelPackageGroupArn: g.ModelPackageGroupArn,
      ModelPackageGroupDescription: g.ModelPackageGroupDescription,
      CreationTime: g.CreationTime,
      ModelPackageGroupStatus: g.ModelPackageGroupStatus,
    })),
    NextToken: page.nextToken,
  };
});

defineOperation("DeleteModelPackageGroup", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelPackageGroupName", { required: true, min: 1, ...GROUP_REF });
  v.done();
  const key = groupKey(name ?? "");
  const g = groups(ctx.state).get(key);
  if (!g) throw groupNotFound(name ?? "");
  if (groupVersions(ctx.state, g.ModelPackageGroupName).length > 0)
    throw conflict(
      `Model Package Group ${g.ModelPackageGroupArn} cannot be deleted because it contains model packages.`,
    );
  groups(ctx.state).delete(key);
  ctx.state.collection<string>("registry.groupPolicies").delete(key);
  versionCounters(ctx.state).delete(key);
  tagStore(ctx.state).delete(g.ModelPackageGroupArn);
  return {};
});

defineSearchable({
  resource: "ModelPackageGroup",
  recordKey: "ModelPackageGroup",
  *records(state) {
    for (const g of groups(state).values()) {
      const rec: JsonObject = { ...g, Tags: getTags(state, g.ModelPackageGroupArn) };
      yield rec;
    }
  },
});
