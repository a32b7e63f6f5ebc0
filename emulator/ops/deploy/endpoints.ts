/** CreateEndpoint, UpdateEndpoint, DescribeEndpoint, ListEndpoints, DeleteEndpoint (reference §1.4). */
import { defineOperation, defineSearchable } from "../../core/registry";
import { copy } from "../../core/json";
import { Validator } from "../../core/validate";
import { validation } from "../../core/errors";
import { arn } from "../../core/arn";
import { parseTags, addTags, getTags, tagStore } from "../../core/tags";
import type { JsonObject } from "../../core/json";
import { listPage } from "../../core/list";
import {
  endpoints,
  endpointConfigs,
  rollouts,
  key,
  configNotFound,
  endpointNotFound,
  RESOURCE_NAME,
  type EndpointRecord,
} from "./store";
import { settle, startRollout } from "./rollout";
import { endpointView } from "./capture";
import { schedulesOfEndpoint } from "../monitoring/schedules";

export const ENDPOINT_STATUS = [
  "OutOfService",
  "Creating",
  "Updating",
  "SystemUpdating",
  "RollingBack",
  "InService",
  "Deleting",
  "Failed",
  "UpdateRollbackFailed",
] as const;

defineOperation("CreateEndpoint", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("EndpointName", { required: true, ...RESOURCE_NAME });
  const config = v.string("EndpointConfigName", { required: true, ...RESOURCE_NAME });
  v.object("DeploymentConfig");
  v.done();
  const tags = parseTags(input.Tags);
  const endpointArn = arn("endpoint", name ?? "");
  if (endpoints(ctx.state).has(key(name ?? "")))
    throw validation(`Cannot create already existing endpoint "${endpointArn}".`);
  const cfg = endpointConfigs(ctx.state).get(key(config ?? ""));
  if (!cfg) throw configNotFound(config ?? "");
  const now = ctx.now();
  const record: EndpointRecord = {
    EndpointName: name ?? "",
    EndpointArn: endpointArn,
    EndpointConfigName: cfg.EndpointConfigName,
    EndpointStatus: "Creating",
    CreationTime: now,
    LastModifiedTime: now,
  };
  if (input.DeploymentConfig !== undefined) record.LastDeploymentConfig = copy(input.DeploymentConfig);
  if (cfg.DataCaptureConfig !== undefined) record.DataCaptureConfig = copy(cfg.DataCaptureConfig);
  endpoints(ctx.state).set(key(name ?? ""), record);
  addTags(ctx.state, endpointArn, tags);
  startRollout(ctx, name ?? "", cfg.EndpointConfigName, "create");
  return { EndpointArn: endpointArn };
});

defineOperation("UpdateEndpoint", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("EndpointName", { required: true, ...RESOURCE_NAME });
  const config = v.string("EndpointConfigName", { required: true, ...RESOURCE_NAME });
  v.boolean("RetainAllVariantProperties");
  v.boolean("RetainDeploymentConfig");
  v.object("DeploymentConfig");
  v.done();
  settle(ctx, name ?? "");
  const ep = endpoints(ctx.state).get(key(name ?? ""));
  if (!ep) throw endpointNotFound(name ?? "");
  if (ep.EndpointStatus !== "InService")
    throw validation(
      ep.EndpointStatus === "Failed"
        ? `Cannot update failed endpoint "${ep.EndpointArn}".`
        : `Cannot update in-progress endpoint "${ep.EndpointArn}".`,
    );
  const cfg = endpointConfigs(ctx.state).get(key(config ?? ""));
  if (!cfg) throw configNotFound(config ?? "");
  const now = ctx.now();
  const next = copy(ep);
  next.EndpointStatus = "Updating";
  next.LastModifiedTime = now;
  delete next.FailureReason;
  next.PendingDeploymentSummary = {
    EndpointConfigName: cfg.EndpointConfigName,
    ProductionVariants: cfg.ProductionVariants.map((pv) => ({
      VariantName: pv.VariantName,
      VariantStatus: [{ Status: "Creating", StartTime: now }],
    })),
    StartTime: now,
  };
  if (input.DeploymentConfig !== undefined) next.LastDeploymentConfig = copy(input.DeploymentConfig);
  endpoints(ctx.state).set(key(ep.EndpointName), next);
  startRollout(ctx, ep.EndpointName, cfg.EndpointConfigName, "update");
  return { EndpointArn: ep.EndpointArn };
});

const endpointName = (input: JsonObject) => {
  const v = new Validator(input);
  const name = v.string("EndpointName", { required: true, max: 63, pattern: RESOURCE_NAME.pattern });
  v.done();
  return name ?? "";
};

defineOperation("DescribeEndpoint", (input, ctx) => {
  const name = endpointName(input);
  settle(ctx, name);
  const ep = endpoints(ctx.state).get(key(name));
  if (!ep) throw endpointNotFound(name);
  return endpointView(copy(ep));
});

defineOperation("DeleteEndpoint", (input, ctx) => {
  const name = endpointName(input);
  const ep = endpoints(ctx.state).get(key(name));
  if (!ep) throw endpointNotFound(name);
  endpoints(ctx.state).delete(key(name));
  rollouts(ctx.state).delete(key(name));
  tagStore(ctx.state).delete(ep.EndpointArn);
  return {};
});

defineOperation("ListEndpoints", (input, ctx) => {
  const page = listPage<EndpointRecord>(input, endpoints(ctx.state).values(), {
    sortKeys: {
      Name: (e) => e.EndpointName,
      CreationTime: (e) => e.CreationTime,
      Status: (e) => e.EndpointStatus,
    },
    defaultSortBy: "CreationTime",
    defaultOrder: "Descending",
    name: (e) => e.EndpointName,
    creationTime: (e) => e.CreationTime,
    lastModifiedTime: (e) => e.LastModifiedTime,
    status: (e) => e.EndpointStatus,
    statusEnum: ENDPOINT_STATUS,
  });
  return {
    Endpoints: page.items.map((e) => ({
      EndpointName: e.EndpointName,
      EndpointArn: e.EndpointArn,
      CreationTime: e.CreationTime,
      LastModifiedTime: e.LastModifiedTime,
      EndpointStatus: e.EndpointStatus,
    })),
    NextToken: page.nextToken,
  };
});

defineSearchable({
  resource: "Endpoint",
  recordKey: "Endpoint",
  *records(state) {
    for (const e of endpoints(state).values()) {
      const rec: JsonObject = { ...endpointView(e), Tags: getTags(state, e.EndpointArn) };
      const monitoring = schedulesOfEndpoint(state, e.EndpointName);
      if (monitoring.length > 0) rec.MonitoringSchedules = monitoring;
      yield rec;
    }
  },
});
