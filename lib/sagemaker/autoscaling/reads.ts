/**
 * Reads of SageMaker variants' autoscaling, cached per account (`autoscaling:` keys; writes.ts invalidates them):
 * every scalable target and policy of the account's `sagemaker` namespace in one paged read each (the endpoints
 * list joins them to its rows), and one variant's recent scaling activities.
 */
import {
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
  type ScalableTarget,
  type ScalingPolicy,
} from "@aws-sdk/client-application-auto-scaling";
import { sagemakerRead } from "../call";
import { getAutoScalingClient } from "./client";
import { translateScalingError } from "./errors";
import {
  SCALABLE_DIMENSION,
  variantResourceId,
  type ScalingActivity,
  type ScalingPolicyInfo,
  type VariantScaling,
} from "./types";

const MAX_PAGES = 20;

async function call<T>(operation: string, resource: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw translateScalingError(err, operation, resource);
  }
}

async function allTargets(): Promise<ScalableTarget[]> {
  return sagemakerRead({ key: "autoscaling:targets", operation: "DescribeScalableTargets" }, () =>
    call("DescribeScalableTargets", "SageMaker variants", async () => {
      const out: ScalableTarget[] = [];
      let token: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const r = await getAutoScalingClient().send(
          new DescribeScalableTargetsCommand({
            ServiceNamespace: "sagemaker",
            MaxResults: 50,
            NextToken: token,
          }),
        );
        out.push(...(r.ScalableTargets ?? []));
        token = r.NextToken;
        if (!token) break;
      }
      return out;
    }),
  );
}

async function allPolicies(): Promise<ScalingPolicy[]> {
  return sagemakerRead({ key: "autoscaling:policies", operation: "DescribeScalingPolicies" }, () =>
    call("DescribeScalingPolicies", "SageMaker variants", async () => {
      const out: ScalingPolicy[] = [];
      let token: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const r = await getAutoScalingClient().send(
          new DescribeScalingPoliciesCommand({
            ServiceNamespace: "sagemaker",
            MaxResults: 50,
            NextToken: token,
          }),
        );
        out.push(...(r.ScalingPolicies ?? []));
        token = r.NextToken;
        if (!token) break;
      }
      return out;
    }),
  );
}

const toPolicy = (p: ScalingPolicy): ScalingPolicyInfo => {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  return {
    name: p.PolicyName ?? "",
    type: p.PolicyType ?? "",
    targetValue: tt?.TargetValue,
    metric: tt?.PredefinedMetricSpecification?.PredefinedMetricType,
    scaleInCooldown: tt?.ScaleInCooldown,
    scaleOutCooldown: tt?.ScaleOutCooldown,
  };
};

/** Every SageMaker variant of the current account with a scalable target or a policy, by ResourceId. */
export async function accountScaling(): Promise<Map<string, VariantScaling>> {
  const [targets, policies] = await Promise.all([allTargets(), allPolicies()]);
  const out = new Map<string, VariantScaling>();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { resourceId: id, target: null, policies: [] }));
    return e;
  };
  for (const t of targets) {
    if (t.ScalableDimension !== SCALABLE_DIMENSION || !t.ResourceId) continue;
    const s = t.SuspendedState;
    entry(t.ResourceId).target = {
      minCapacity: t.MinCapacity ?? 0,
      maxCapacity: t.MaxCapacity ?? 0,
      suspended: !!(s?.DynamicScalingInSuspended || s?.DynamicScalingOutSuspended),
    };
  }
  for (const p of policies)
    if (p.ScalableDimension === SCALABLE_DIMENSION && p.ResourceId)
      entry(p.ResourceId).policies.push(toPolicy(p));
  return out;
}

/** One variant's target and policies (fresh: a decision re-reads them, never from the cache). */
export async function variantScaling(
  endpoint: string,
  variant: string,
  fresh = false,
): Promise<VariantScaling> {
  const id = variantResourceId(endpoint, variant);
  if (!fresh) return (await accountScaling()).get(id) ?? { resourceId: id, target: null, policies: [] };
  const resource = `Variant ${variant} of endpoint "${endpoint}"`;
  return call("DescribeScalableTargets", resource, async () => {
    const client = getAutoScalingClient();
    const [t, p] = await Promise.all([
      client.send(
        new DescribeScalableTargetsCommand({
          ServiceNamespace: "sagemaker",
          ResourceIds: [id],
          ScalableDimension: SCALABLE_DIMENSION,
        }),
      ),
      client.send(
        new DescribeScalingPoliciesCommand({
          ServiceNamespace: "sagemaker",
          ResourceId: id,
          ScalableDimension: SCALABLE_DIMENSION,
        }),
      ),
    ]);
    const target = t.ScalableTargets?.[0];
    return {
      resourceId: id,
      target: target
        ? { minCapacity: target.MinCapacity ?? 0, maxCapacity: target.MaxCapacity ?? 0, suspended: false }
        : null,
      policies: (p.ScalingPolicies ?? []).map(toPolicy),
    };
  });
}

/** The variant's newest scaling activities (newest first, at most `limit`). */
export async function scalingActivities(
  endpoint: string,
  variant: string,
  limit = 10,
): Promise<ScalingActivity[]> {
  const id = variantResourceId(endpoint, variant);
  return sagemakerRead(
    { key: `autoscaling:activities:${id}:${limit}`, operation: "DescribeScalingActivities" },
    () =>
      call("DescribeScalingActivities", `Variant ${variant} of endpoint "${endpoint}"`, async () => {
        const r = await getAutoScalingClient().send(
          new DescribeScalingActivitiesCommand({
            ServiceNamespace: "sagemaker",
            ResourceId: id,
            ScalableDimension: SCALABLE_DIMENSION,
            MaxResults: Math.min(50, Math.max(1, limit)),
          }),
        );
        return (r.ScalingActivities ?? [])
          .map((a) => ({
            id: a.ActivityId ?? "",
            description: a.Description ?? "",
            cause: a.Cause ?? "",
            status: a.StatusCode ?? "",
            statusMessage: a.StatusMessage,
            startedAt: a.StartTime?.getTime() ?? 0,
            endedAt: a.EndTime?.getTime(),
          }))
          .sort((a, b) => b.startedAt - a.startedAt)
          .slice(0, limit);
      }),
  );
}
