/** CreateModel, DescribeModel, ListModels, DeleteModel (reference §1.4). */
import { defineOperation } from "../../core/registry";
import { Validator, NAME_PATTERN } from "../../core/validate";
import { validation } from "../../core/errors";
import { arn } from "../../core/arn";
import { parseTags, addTags, tagStore } from "../../core/tags";
import { isObject, type JsonObject, copy } from "../../core/json";
import { listPage } from "../../core/list";
import { resolvePackage } from "../registry/policy";
import { models, key, modelNotFound, type ModelRecord } from "./store";

const ROLE = {
  min: 20,
  max: 2048,
  pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/,
  patternText: "^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
};

function checkContainer(v: Validator, c: JsonObject, path: string): void {
  v.string("Image", { max: 255 }, c, `${path}.Image`);
  v.string("ModelDataUrl", { max: 1024 }, c, `${path}.ModelDataUrl`);
  v.string("Mode", { enum: ["SingleModel", "MultiModel"] }, c, `${path}.Mode`);
  v.string("ModelPackageName", { min: 1, max: 176 }, c, `${path}.ModelPackageName`);
  v.string("ContainerHostname", { max: 63 }, c, `${path}.ContainerHostname`);
  v.object("Environment", {}, c, `${path}.Environment`);
}

defineOperation("CreateModel", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ModelName", {
    required: true,
    max: 63,
    pattern: NAME_PATTERN.model,
    patternText: "^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?$",
  });
  v.string("ExecutionRoleArn", ROLE);
  v.boolean("EnableNetworkIsolation");
  const primary = v.object("PrimaryContainer");
  const containers = v.array("Containers", { max: 15 });
  if (primary) checkContainer(v, primary, "PrimaryContainer");
  containers?.forEach((c, i) => {
    if (isObject(c)) checkContainer(v, c, `Containers.${i + 1}.member`);
  });
  v.done();
  const tags = parseTags(input.Tags);
  if (!primary && !containers)
    throw validation("Either PrimaryContainer or Containers must be specified in the request.");
  if (primary && containers)
    throw validation("Only one of PrimaryContainer or Containers can be specified in the request.");
  const all = primary ? [primary] : (containers ?? []).filter(isObject);
  for (const c of all) {
    const pkg = typeof c.ModelPackageName === "string" ? c.ModelPackageName : undefined;
    if (pkg !== undefined && !resolvePackage(ctx, pkg))
      throw validation(`Could not find model package "${pkg}".`);
    if (pkg === undefined && typeof c.Image !== "string")
      throw validation("Image is required for a container that does not reference a ModelPackageName.");
  }
  const modelArn = arn("model", name ?? "");
  if (models(ctx.state).has(key(name ?? "")))
    throw validation(`Cannot create already existing model "${modelArn}".`);
  const record: ModelRecord = { ModelName: name ?? "", ModelArn: modelArn, CreationTime: ctx.now() };
  for (const k of [
    "PrimaryContainer",
    "Containers",
    "InferenceExecutionConfig",
    "ExecutionRoleArn",
    "VpcConfig",
    "EnableNetworkIsolation",
  ])
    if (input[k] !== undefined) record[k] = copy(input[k]);
  models(ctx.state).set(key(name ?? ""), record);
  addTags(ctx.state, modelArn, tags);
  return { ModelArn: modelArn };
});

const modelName = (input: JsonObject) => {
  const v = new Validator(input);
  const name = v.string("ModelName", { required: true, max: 63, pattern: NAME_PATTERN.model });
  v.done();
  return name ?? "";
};

defineOperation("DescribeModel", (input, ctx) => {
  const name = modelName(input);
  const m = models(ctx.state).get(key(name));
  if (!m) throw modelNotFound(name);
  return copy(m);
});

defineOperation("DeleteModel", (input, ctx) => {
  const name = modelName(input);
  const m = models(ctx.state).get(key(name));
  if (!m) throw modelNotFound(name);
  models(ctx.state).delete(key(name));
  tagStore(ctx.state).delete(m.ModelArn);
  return {};
});

defineOperation("ListModels", (input, ctx) => {
  const page = listPage<ModelRecord>(input, models(ctx.state).values(), {
    sortKeys: { Name: (m) => m.ModelName, CreationTime: (m) => m.CreationTime },
    defaultSortBy: "CreationTime",
    defaultOrder: "Descending",
    name: (m) => m.ModelName,
    creationTime: (m) => m.CreationTime,
  });
  return {
    Models: page.items.map((m) => ({
      ModelName: m.ModelName,
      ModelArn: m.ModelArn,
      CreationTime: m.CreationTime,
    })),
    NextToken: page.nextToken,
  };
});
