import { describe, expect, it } from "vitest";
import type { VariantScaling } from "@/lib/sagemaker/autoscaling/types";
import { scalingOf } from "./scaling";

const endpoint = (name: string, stage?: "Staging" | "Production") => ({
  account: "production",
  name,
  arn: `arn:${name}`,
  stage,
  status: "InService",
  instanceType: "ml.m5.large",
  instanceCount: 2,
  variants: [{ name: "AllTraffic", currentInstanceCount: 3, desiredInstanceCount: 4 }],
});
const registered: VariantScaling = {
  resourceId: "endpoint/p/variant/AllTraffic",
  target: { minCapacity: 2, maxCapacity: 6, suspended: false },
  policies: [
    {
      name: "x",
      type: "TargetTrackingScaling",
      metric: "SageMakerVariantInvocationsPerInstance",
      targetValue: 70,
    },
  ],
};

describe("scalingOf", () => {
  it("joins the variant's counts to its target and target-tracking policy", () => {
    expect(scalingOf(endpoint("p", "Production"), new Map([[registered.resourceId, registered]]))).toEqual({
      variant: "AllTraffic",
      instanceType: "ml.m5.large",
      currentCount: 3,
      desiredCount: 4,
      readable: true,
      min: 2,
      max: 6,
      target: 70,
      policyName: "x",
      unscaled: false,
    });
  });

  it("flags production without a target or without a policy; never staging; unknown is not flagged", () => {
    expect(scalingOf(endpoint("p", "Production"), new Map()).unscaled).toBe(true);
    const noPolicy = new Map([[registered.resourceId, { ...registered, policies: [] }]]);
    expect(scalingOf(endpoint("p", "Production"), noPolicy).unscaled).toBe(true);
    expect(scalingOf(endpoint("p", "Staging"), new Map()).unscaled).toBe(false);
    expect(scalingOf(endpoint("p", "Production"), null)).toMatchObject({ readable: false, unscaled: false });
  });
});
