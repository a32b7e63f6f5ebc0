/** An endpoint row's size and autoscaling, pure: its first variant joined to Application Auto Scaling's view. */
import type { EndpointRecord } from "@/lib/sagemaker/endpoints/inventory";
import {
  INVOCATIONS_METRIC,
  variantResourceId,
  type VariantScaling,
} from "@/lib/sagemaker/autoscaling/types";

export interface EndpointScaling {
  variant?: string;
  instanceType?: string;
  currentCount?: number;
  desiredCount?: number;
  /** false: Application Auto Scaling could not be read for the account (min/max/policy unknown) */
  readable: boolean;
  min?: number;
  max?: number;
  /** the target-tracking policy's target (invocations per instance per minute), and its name */
  target?: number;
  policyName?: string;
  /** a production endpoint with no scalable target or no scaling policy (only when readable) */
  unscaled: boolean;
}

export function scalingOf(
  e: Omit<EndpointRecord, "tags">,
  scaling: Map<string, VariantScaling> | null,
): EndpointScaling {
  const v = e.variants[0];
  const base = {
    variant: v?.name,
    instanceType: e.instanceType,
    currentCount: v?.currentInstanceCount ?? e.instanceCount,
    desiredCount: v?.desiredInstanceCount,
  };
  if (!scaling) return { ...base, readable: false, unscaled: false };
  const s = v ? scaling.get(variantResourceId(e.name, v.name)) : undefined;
  const policy =
    s?.policies.find((p) => p.type === "TargetTrackingScaling" && p.metric === INVOCATIONS_METRIC) ??
    s?.policies[0];
  return {
    ...base,
    readable: true,
    min: s?.target?.minCapacity,
    max: s?.target?.maxCapacity,
    target: policy?.targetValue,
    policyName: policy?.name,
    unscaled: e.stage === "Production" && (!s?.target || !policy),
  };
}
