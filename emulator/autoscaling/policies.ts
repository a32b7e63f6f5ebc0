/** PutScalingPolicy, DescribeScalingPolicies, DeleteScalingPolicy (target tracking drives the simulation). */
import { defineOperation } from "../core/registry";
import { AwsError, validation } from "../core/errors";
import { Validator } from "../core/validate";
import { copy, isObject, type JsonObject } from "../core/json";
import { uuid } from "../codepipeline/store";
import { pager } from "./page";
import { checkSageMaker, op, targetRef } from "./targets";
import {
  account,
  noTarget,
  policies,
  policyKey,
  region,
  targetKey,
  targets,
  type PolicyRecord,
} from "./store";

const TYPES = ["StepScaling", "TargetTrackingScaling", "PredictiveScaling"];

function alarms(ctx: Parameters<Parameters<typeof defineOperation>[1]>[1], id: string) {
  const suffix = uuid(ctx);
  return ["AlarmHigh", "AlarmLow"].map((kind) => {
    const name = `TargetTracking-${id}-${kind}-${suffix}`;
    return { AlarmName: name, AlarmARN: `arn:aws:cloudwatch:${region()}:${account()}:alarm:${name}` };
  });
}

defineOperation(op("PutScalingPolicy"), (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("PolicyName", { required: true, min: 1, max: 256 }) ?? "";
  const { ns, id = "", dim = "" } = targetRef(v);
  const type = v.string("PolicyType", { enum: TYPES }) ?? "StepScaling";
  const tt = v.object("TargetTrackingScalingPolicyConfiguration");
  if (tt)
    v.number("TargetValue", { required: true }, tt, "TargetTrackingScalingPolicyConfiguration.TargetValue");
  v.object("StepScalingPolicyConfiguration");
  v.done();
  checkSageMaker(ns, id, dim);
  if (type === "TargetTrackingScaling" && !tt)
    throw validation(
      "TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy.",
    );
  if (
    type === "TargetTrackingScaling" &&
    tt &&
    !isObject(tt.PredefinedMetricSpecification) &&
    !isObject(tt.CustomizedMetricSpecification)
  )
    throw validation(
      "Either PredefinedMetricSpecification or CustomizedMetricSpecification must be specified.",
    );
  if (type === "PredictiveScaling")
    throw validation("PredictiveScaling is not supported for SageMaker variants.");
  const tk = targetKey(ns, id, dim);
  if (!targets(ctx.state).has(tk)) throw noTarget(ns, id, dim);
  const k = policyKey(tk, name);
  const existing = policies(ctx.state).get(k);
  const record: PolicyRecord = {
    PolicyARN:
      existing?.PolicyARN ??
      `arn:aws:autoscaling:${region()}:${account()}:scalingPolicy:${uuid(ctx)}:resource/${ns}/${id}:policyName/${name}`,
    PolicyName: name,
    ServiceNamespace: ns,
    ResourceId: id,
    ScalableDimension: dim,
    PolicyType: type,
    CreationTime: existing?.CreationTime ?? ctx.now(),
    ...(tt ? { TargetTrackingScalingPolicyConfiguration: copy(tt) } : {}),
    ...(isObject(input.StepScalingPolicyConfiguration)
      ? { StepScalingPolicyConfiguration: copy(input.StepScalingPolicyConfiguration) }
      : {}),
    Alarms: type === "TargetTrackingScaling" ? (existing?.Alarms ?? alarms(ctx, id)) : [],
  };
  policies(ctx.state).set(k, record);
  return {
    PolicyARN: record.PolicyARN,
    ...(type === "TargetTrackingScaling" ? { Alarms: record.Alarms } : {}),
  };
});

defineOperation(op("DescribeScalingPolicies"), (input, ctx) => {
  const v = new Validator(input);
  const names = v.array("PolicyNames", { max: 50 });
  const { ns, id, dim } = targetRef(v, false);
  const max = v.number("MaxResults", { integer: true, min: 1, max: 50 }) ?? 50;
  v.done();
  const all = [...policies(ctx.state).values()]
    .filter(
      (p) =>
        p.ServiceNamespace === ns &&
        (id === undefined || p.ResourceId === id) &&
        (dim === undefined || p.ScalableDimension === dim) &&
        (!names || names.includes(p.PolicyName)),
    )
    .sort((a, b) => a.ResourceId.localeCompare(b.ResourceId) || a.PolicyName.localeCompare(b.PolicyName));
  const { page } = pager(all, input.NextToken, max, { ns, id, dim, names });
  return {
    ScalingPolicies: page.items.map((p): JsonObject => copy(p)),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
});

defineOperation(op("DeleteScalingPolicy"), (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("PolicyName", { required: true, min: 1, max: 1600 }) ?? "";
  const { ns, id = "", dim = "" } = targetRef(v);
  v.done();
  const k = policyKey(targetKey(ns, id, dim), name);
  if (!policies(ctx.state).delete(k))
    throw new AwsError(
      "ObjectNotFoundException",
      `No scaling policy found for service namespace: ${ns}, resource ID: ${id}, scalable dimension: ${dim}, policy name: ${name}`,
    );
  return {};
});
