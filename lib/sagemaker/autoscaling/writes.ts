/**
 * Registers a SageMaker variant with Application Auto Scaling: RegisterScalableTarget (min/max on
 * `sagemaker:variant:DesiredInstanceCount`) then a target-tracking PutScalingPolicy on
 * SageMakerVariantInvocationsPerInstance. Both are upserts, so calling it again (a second follower, a rollback,
 * the reconciler) changes nothing more. An existing target-tracking policy on that metric keeps its name (it is
 * updated, not doubled); otherwise the policy is `SageDeckInvocationsPerInstance`.
 */
import {
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { sagemakerWrite } from "../call";
import { getAutoScalingClient } from "./client";
import { translateScalingError } from "./errors";
import { variantScaling } from "./reads";
import {
  INVOCATIONS_METRIC,
  SCALABLE_DIMENSION,
  variantResourceId,
  type ScalingSettings,
  type VariantScaling,
} from "./types";

export const SAGEDECK_POLICY_NAME = "SageDeckInvocationsPerInstance";
const INVALIDATE = ["autoscaling:"];

async function write<T>(operation: string, resource: string, fn: () => Promise<T>): Promise<T> {
  return sagemakerWrite({ operation, resource, invalidate: INVALIDATE }, async () => {
    try {
      return await fn();
    } catch (err) {
      throw translateScalingError(err, operation, resource);
    }
  });
}

/** Registers the variant's target and its target-tracking policy; returns what Application Auto Scaling holds now. */
export async function applyVariantScaling(
  endpoint: string,
  variant: string,
  s: ScalingSettings,
): Promise<VariantScaling> {
  const id = variantResourceId(endpoint, variant);
  const resource = `Variant ${variant} of endpoint "${endpoint}"`;
  const key = {
    ServiceNamespace: "sagemaker" as const,
    ResourceId: id,
    ScalableDimension: SCALABLE_DIMENSION,
  };
  const before = await variantScaling(endpoint, variant, true);
  const existing = before.policies.find(
    (p) => p.type === "TargetTrackingScaling" && p.metric === INVOCATIONS_METRIC,
  );
  await write("RegisterScalableTarget", resource, () =>
    getAutoScalingClient().send(
      new RegisterScalableTargetCommand({ ...key, MinCapacity: s.min, MaxCapacity: s.max }),
    ),
  );
  await write("PutScalingPolicy", resource, () =>
    getAutoScalingClient().send(
      new PutScalingPolicyCommand({
        ...key,
        PolicyName: existing?.name ?? SAGEDECK_POLICY_NAME,
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: s.target,
          PredefinedMetricSpecification: { PredefinedMetricType: INVOCATIONS_METRIC },
          ScaleInCooldown: existing?.scaleInCooldown ?? 300,
          ScaleOutCooldown: existing?.scaleOutCooldown ?? 60,
        },
      }),
    ),
  );
  return variantScaling(endpoint, variant, true);
}
