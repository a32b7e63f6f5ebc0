/** CreateEndpointConfig, DescribeEndpointConfig, ListEndpointConfigs, DeleteEndpointConfig (reference §1.4). */
import { defineOperation } from "../../core/registry";
import { Validator } from "../../core/validate";
import { validation } from "../../core/errors";
import { arn } from "../../core/arn";
import { parseTags, addTags, tagStore } from "../../core/tags";
import { isObject, type JsonObject, copy } from "../../core/json";
import { listPage } from "../../core/list";
import {
  endpointConfigs,
  models,
  key,
  configNotFound,
  modelNotFound,
  RESOURCE_NAME,
  type EndpointConfigRecord,
} from "./store";

const INSTANCE_TYPE = {
  pattern: /^ml\.[a-z0-9-]+\.[0-9]*[a-z]*large$|^ml\.[a-z0-9-]+\.(medium|small|micro)$/,
  patternText: "ml.<family>.<size>",
};

defineOperation("CreateEndpointConfig", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("EndpointConfigName", { required: true, ...RESOURCE_NAME });
  const variants = v.array("ProductionVariants", { required: true, min: 1, max: 10 });
  v.string("KmsKeyId", { max: 2048 });
  variants?.forEach((pv, i) => {
    const path = `ProductionVariants.${i + 1}.member`;
    if (!isObject(pv)) {
      v.fail(`Value at '${path}' failed to satisfy constraint: Member must be a structure`);
      return;
    }
    v.string("VariantName", { required: true, ...RESOURCE_NAME }, pv, `${path}.VariantName`);
    v.string("ModelName", { max: 63 }, pv, `${path}.ModelName`);
    v.number("InitialInstanceCount", { min: 1, integer: true }, pv, `${path}.InitialInstanceCount`);
    v.number("InitialVariantWeight", { min: 0 }, pv, `${path}.InitialVariantWeight`);
    v.string("InstanceType", INSTANCE_TYPE, pv, `${path}.InstanceType`);
    const sc = v.object("ServerlessConfig", {}, pv, `${path}.ServerlessConfig`);
    if (sc) {
      v.number(
        "MemorySizeInMB",
        { required: true, min: 1024, max: 6144, integer: true },
        sc,
        `${path}.ServerlessConfig.MemorySizeInMB`,
      );
      v.number(
        "MaxConcurrency",
        { required: true, min: 1, max: 200, integer: true },
        sc,
        `${path}.ServerlessConfig.MaxConcurrency`,
      );
    }
  });
  v.done();
  const tags = parseTags(input.Tags);
  const list = (variants ?? []).filter(isObject);
  const names = new Set<string>();
  for (const pv of list) {
    const vn = typeof pv.VariantName === "string" ? pv.VariantName : "";
    if (names.has(vn)) throw validation(`Duplicate VariantName "${vn}" in ProductionVariants.`);
    names.add(vn);
    if (
      pv.ServerlessConfig === undefined &&
      (pv.InstanceType === undefined || pv.InitialInstanceCount === undefined)
    )
      throw validation(
        `ProductionVariant "${vn}" must specify either ServerlessConfig or both InstanceType and InitialInstanceCount.`,
      );
    if (pv.ServerlessConfig !== undefined && pv.InstanceType !== undefined)
      throw validation(`ProductionVariant "${vn}" cannot specify both ServerlessConfig and InstanceType.`);
    if (typeof pv.ModelName !== "string")
      throw validation(`ProductionVariant "${vn}" must specify a ModelName.`);
    if (!models(ctx.state).has(key(pv.ModelName))) throw modelNotFound(pv.ModelName);
  }
  const configArn = arn("endpoint-config", name ?? "");
  if (endpointConfigs(ctx.state).has(key(name ?? "")))
    throw validation(`Cannot create already existing endpoint configuration "${configArn}".`);
  const record: EndpointConfigRecord = {
    EndpointConfigName: name ?? "",
    EndpointConfigArn: configArn,
    ProductionVariants: list.map((pv) => ({ InitialVariantWeight: 1, ...copy(pv) })),
    CreationTime: ctx.now(),
  };
  for (const k of [
    "DataCaptureConfig",
    "KmsKeyId",
    "AsyncInferenceConfig",
    "ShadowProductionVariants",
    "ExecutionRoleArn",
    "VpcConfig",
    "EnableNetworkIsolation",
    "MetricsConfig",
  ])
    if (input[k] !== undefined) record[k] = copy(input[k]);
  endpointConfigs(ctx.state).set(key(name ?? ""), record);
  addTags(ctx.state, configArn, tags);
  return { EndpointConfigArn: configArn };
});

const configName = (input: JsonObject) => {
  const v = new Validator(input);
  const name = v.string("EndpointConfigName", { required: true, max: 63, pattern: RESOURCE_NAME.pattern });
  v.done();
  return name ?? "";
};

defineOperation("DescribeEndpointConfig", (input, ctx) => {
  const name = configName(input);
  const c = endpointConfigs(ctx.state).get(key(name));
  if (!c) throw configNotFound(name);
  return copy(c);
});

defineOperation("DeleteEndpointConfig", (input, ctx) => {
  const name = configName(input);
  const c = endpointConfigs(ctx.state).get(key(name));
  if (!c) throw configNotFound(name);
  endpointConfigs(ctx.state).delete(key(name));
  tagStore(ctx.state).delete(c.EndpointConfigArn);
  return {};
});

defineOperation("ListEndpointConfigs", (input, ctx) => {
  const page = listPage<EndpointConfigRecord>(input, endpointConfigs(ctx.state).values(), {
    sortKeys: { Name: (c) => c.EndpointConfigName, CreationTime: (c) => c.CreationTime },
    defaultSortBy: "CreationTime",
    defaultOrder: "Descending",
    name: (c) => c.EndpointConfigName,
    creationTime: (c) => c.CreationTime,
  });
  return {
    EndpointConfigs: page.items.map((c) => ({
      EndpointConfigName: c.EndpointConfigName,
      EndpointConfigArn: c.EndpointConfigArn,
      CreationTime: c.CreationTime,
    })),
    NextToken: page.nextToken,
  };
});
