/** RegisterScalableTarget, DescribeScalableTargets, DeregisterScalableTarget (SageMaker endpoint variants). */
import { defineOperation } from "../core/registry";
import { validation } from "../core/errors";
import { Validator } from "../core/validate";
import type { Ctx } from "../core/context";
import type { JsonObject } from "../core/json";
import { uuid } from "../codepipeline/store";
import { recordActivity } from "./activities";
import { pager } from "./page";
import { readVariant, writeVariant } from "./variant";
import {
  account,
  noTarget,
  policies,
  region,
  targetKey,
  targets,
  variantOf,
  SAGEMAKER_DIMENSION,
  type TargetRecord,
} from "./store";

export const op = (name: string) => `application-autoscaling:${name}`;
const NAMESPACES = [
  "ecs",
  "elasticmapreduce",
  "ec2",
  "appstream",
  "dynamodb",
  "rds",
  "sagemaker",
  "custom-resource",
  "comprehend",
  "lambda",
  "cassandra",
  "kafka",
  "elasticache",
  "neptune",
  "workspaces",
];

/** The three members naming a scalable target, validated; only SageMaker variants are emulated. */
export function targetRef(v: Validator, required = true) {
  const ns = v.string("ServiceNamespace", { required: true, enum: NAMESPACES }) ?? "";
  const id = v.string("ResourceId", { required, min: 1, max: 1600 });
  const dim = v.string("ScalableDimension", { required });
  return { ns, id, dim };
}

export function checkSageMaker(ns: string, id: string, dim: string): void {
  if (ns !== "sagemaker")
    throw validation(`Service namespace ${ns} is not supported by this emulator: only sagemaker`);
  if (dim !== SAGEMAKER_DIMENSION)
    throw validation(
      `Unsupported scalable dimension ${dim} for service namespace sagemaker: use ${SAGEMAKER_DIMENSION}`,
    );
  if (!variantOf(id))
    throw validation(`Unsupported resource ID ${id}: use endpoint/<endpoint-name>/variant/<variant-name>`);
}

defineOperation(op("RegisterScalableTarget"), (input, ctx) => {
  const v = new Validator(input);
  const { ns, id = "", dim = "" } = targetRef(v);
  const min = v.number("MinCapacity", { integer: true });
  const max = v.number("MaxCapacity", { integer: true });
  const role = v.string("RoleARN", { min: 1, max: 1600 });
  v.object("SuspendedState");
  v.done();
  checkSageMaker(ns, id, dim);
  const k = targetKey(ns, id, dim);
  const existing = targets(ctx.state).get(k);
  const variant = readVariant(ctx, id);
  if (!variant) {
    const ref = variantOf(id);
    throw validation(
      `The endpoint ${ref?.endpoint ?? id} or its variant ${ref?.variant ?? ""} does not exist.`,
    );
  }
  if (!existing && (min === undefined || max === undefined))
    throw validation("Minimum and maximum capacity are required when registering a new scalable target.");
  const nextMin = min ?? existing?.MinCapacity ?? 1;
  const nextMax = max ?? existing?.MaxCapacity ?? 1;
  if (nextMin < 0 || nextMax < nextMin)
    throw validation(`Maximum capacity (${nextMax}) cannot be lower than minimum capacity (${nextMin}).`);
  const record: TargetRecord = {
    ...(existing ?? {
      ServiceNamespace: ns,
      ResourceId: id,
      ScalableDimension: dim,
      CreationTime: ctx.now(),
      ScalableTargetARN: `arn:aws:application-autoscaling:${region()}:${account()}:scalable-target/${uuid(ctx).replace(/-/g, "").slice(0, 28)}`,
      RoleARN: `arn:aws:iam::${account()}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`,
    }),
    MinCapacity: nextMin,
    MaxCapacity: nextMax,
    ...(role ? { RoleARN: role } : {}),
    ...(input.SuspendedState !== undefined ? { SuspendedState: input.SuspendedState as JsonObject } : {}),
  };
  targets(ctx.state).set(k, record);
  clampToRange(ctx, record, variant.desired);
  return { ScalableTargetARN: record.ScalableTargetARN };
});

/** A desired count outside the new range is moved inside it at once, as AWS does, and recorded. */
function clampToRange(ctx: Ctx, t: TargetRecord, desired: number): void {
  if (desired <= 0) return;
  const to = Math.min(t.MaxCapacity, Math.max(t.MinCapacity, desired));
  if (to === desired) return;
  const cause =
    to > desired
      ? `minimum capacity was set to ${t.MinCapacity}`
      : `maximum capacity was set to ${t.MaxCapacity}`;
  writeVariant(ctx, t.ResourceId, { desired: to, current: to });
  recordActivity(ctx, t, to, cause, ctx.now());
}

defineOperation(op("DescribeScalableTargets"), (input, ctx) => {
  const v = new Validator(input);
  const { ns, dim } = targetRef(v, false);
  const ids = v.array("ResourceIds", { max: 50 });
  const maxResults = v.number("MaxResults", { integer: true, min: 1, max: 50 }) ?? 50;
  v.done();
  const all = [...targets(ctx.state).values()]
    .filter((t) => t.ServiceNamespace === ns && (dim === undefined || t.ScalableDimension === dim))
    .filter((t) => !ids || ids.includes(t.ResourceId))
    .sort((a, b) => a.ResourceId.localeCompare(b.ResourceId));
  const { page } = pager(all, input.NextToken, maxResults, { ns, dim, ids });
  return {
    ScalableTargets: page.items.map((t) => ({
      ServiceNamespace: t.ServiceNamespace,
      ResourceId: t.ResourceId,
      ScalableDimension: t.ScalableDimension,
      MinCapacity: t.MinCapacity,
      MaxCapacity: t.MaxCapacity,
      RoleARN: t.RoleARN,
      CreationTime: t.CreationTime,
      SuspendedState: t.SuspendedState ?? {
        DynamicScalingInSuspended: false,
        DynamicScalingOutSuspended: false,
        ScheduledScalingSuspended: false,
      },
      ScalableTargetARN: t.ScalableTargetARN,
    })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
});

defineOperation(op("DeregisterScalableTarget"), (input, ctx) => {
  const v = new Validator(input);
  const { ns, id = "", dim = "" } = targetRef(v);
  v.done();
  const k = targetKey(ns, id, dim);
  if (!targets(ctx.state).has(k)) throw noTarget(ns, id, dim);
  targets(ctx.state).delete(k);
  // its scaling policies go with it; its activities stay readable, as on AWS
  for (const pk of [...policies(ctx.state).keys()])
    if (pk.startsWith(`${k}|`)) policies(ctx.state).delete(pk);
  return {};
});
