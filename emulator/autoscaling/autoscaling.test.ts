/**
 * Application Auto Scaling conformance through @aws-sdk/client-application-auto-scaling (EMULATOR_SPEED=100): a
 * SageMaker variant registered as a scalable target with a target-tracking policy scales with the simulated load
 * (the endpoint's EmulatorInvocationsPerMinute tag pins it), DescribeEndpoint follows, activities record it.
 */
import {
  ApplicationAutoScalingClient,
  DeleteScalingPolicyCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { AddTagsCommand, CreateEndpointCommand, DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../tests/helpers/wait";
import { emulatorFixture } from "../testing/fixture";
import { seedDeploy } from "../testing/deploy";
import { expectError } from "../ops/registry/test-helpers";

const emu = emulatorFixture();
let aas: ApplicationAutoScalingClient;
const ID = "endpoint/t-aas-ep/variant/AllTraffic";
const target = {
  ServiceNamespace: "sagemaker" as const,
  ResourceId: ID,
  ScalableDimension: "sagemaker:variant:DesiredInstanceCount" as const,
};

const counts = async () => {
  const ep = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-aas-ep" }));
  const v = ep.ProductionVariants?.[0];
  return {
    status: ep.EndpointStatus,
    current: v?.CurrentInstanceCount,
    desired: v?.DesiredInstanceCount,
    arn: ep.EndpointArn,
  };
};

beforeAll(async () => {
  aas = new ApplicationAutoScalingClient({
    endpoint: emu.handle().endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  await seedDeploy(emu.client());
  await emu
    .client()
    .send(new CreateEndpointCommand({ EndpointName: "t-aas-ep", EndpointConfigName: "t-dep-cfg-a" }));
  await waitFor(async () => ((await counts()).status === "InService" ? true : undefined), {
    what: "t-aas-ep InService",
    timeoutMs: 20_000,
  });
}, 60_000);

describe("Application Auto Scaling", () => {
  it("registers a variant, raises it to the minimum at once, and describes it", async () => {
    await expectError(
      aas.send(
        new PutScalingPolicyCommand({
          ...target,
          PolicyName: "p",
          PolicyType: "TargetTrackingScaling",
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 70,
            PredefinedMetricSpecification: { PredefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
          },
        }),
      ),
      "ObjectNotFoundException",
      "No scalable target registered",
    );
    const reg = await aas.send(
      new RegisterScalableTargetCommand({ ...target, MinCapacity: 2, MaxCapacity: 5 }),
    );
    expect(reg.ScalableTargetARN).toMatch(
      /^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\//,
    );
    expect(await counts()).toMatchObject({ current: 2, desired: 2 });
    const [t] =
      (
        await aas.send(
          new DescribeScalableTargetsCommand({ ServiceNamespace: "sagemaker", ResourceIds: [ID] }),
        )
      ).ScalableTargets ?? [];
    expect(t).toMatchObject({ MinCapacity: 2, MaxCapacity: 5, ScalableTargetARN: reg.ScalableTargetARN });
    const acts =
      (
        await aas.send(
          new DescribeScalingActivitiesCommand({ ServiceNamespace: "sagemaker", ResourceId: ID }),
        )
      ).ScalingActivities ?? [];
    expect(acts[0]).toMatchObject({
      Description: "Setting desired instance count to 2.",
      Cause: "minimum capacity was set to 2",
    });
    await expectError(
      aas.send(
        new RegisterScalableTargetCommand({
          ...target,
          ResourceId: "endpoint/nope/variant/AllTraffic",
          MinCapacity: 1,
          MaxCapacity: 2,
        }),
      ),
      "ValidationException",
    );
  });

  it("target tracking on SageMakerVariantInvocationsPerInstance scales out with the load and in when it drops", async () => {
    const put = await aas.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: "invocations-target",
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 100,
          PredefinedMetricSpecification: { PredefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
          ScaleOutCooldown: 60,
          ScaleInCooldown: 60,
        },
      }),
    );
    expect(
      put.Alarms?.map((a) => a.AlarmName?.includes("AlarmHigh") || a.AlarmName?.includes("AlarmLow")),
    ).toEqual([true, true]);
    const [policy] =
      (await aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "sagemaker", ResourceId: ID })))
        .ScalingPolicies ?? [];
    expect(policy).toMatchObject({
      PolicyName: "invocations-target",
      PolicyARN: put.PolicyARN,
      PolicyType: "TargetTrackingScaling",
    });
    const { arn } = await counts();
    await emu.client().send(
      new AddTagsCommand({
        ResourceArn: arn,
        Tags: [{ Key: "EmulatorInvocationsPerMinute", Value: "420" }],
      }),
    );
    await waitFor(async () => ((await counts()).current === 5 ? true : undefined), {
      what: "scale-out to the maximum (5)",
      timeoutMs: 20_000,
    });
    await emu.client().send(
      new AddTagsCommand({
        ResourceArn: arn,
        Tags: [{ Key: "EmulatorInvocationsPerMinute", Value: "250" }],
      }),
    );
    await waitFor(async () => ((await counts()).current === 3 ? true : undefined), {
      what: "scale-in to 3",
      timeoutMs: 20_000,
    });
    const acts =
      (
        await aas.send(
          new DescribeScalingActivitiesCommand({ ServiceNamespace: "sagemaker", ResourceId: ID }),
        )
      ).ScalingActivities ?? [];
    expect(acts.map((a) => a.Description).slice(0, 2)).toEqual([
      "Setting desired instance count to 3.",
      "Setting desired instance count to 5.",
    ]);
    expect(acts[0]?.Cause).toMatch(
      /^monitor alarm TargetTracking-.*-AlarmLow-.* in state ALARM triggered policy invocations-target$/,
    );
    expect(acts[0]?.StatusCode).toBe("Successful");
  }, 60_000);

  it("deletes the policy and deregisters the target", async () => {
    await aas.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: "invocations-target" }));
    await expectError(
      aas.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: "invocations-target" })),
      "ObjectNotFoundException",
    );
    await aas.send(new DeregisterScalableTargetCommand(target));
    await expectError(aas.send(new DeregisterScalableTargetCommand(target)), "ObjectNotFoundException");
    expect(
      (
        await aas.send(
          new DescribeScalableTargetsCommand({ ServiceNamespace: "sagemaker", ResourceIds: [ID] }),
        )
      ).ScalableTargets,
    ).toEqual([]);
    const check = await emu.handle().modelCheck();
    expect(check.checked["application-autoscaling:PutScalingPolicy"]?.ok).toBeGreaterThan(0);
    expect(check.checked["application-autoscaling:DeregisterScalableTarget"]?.error).toBeGreaterThan(0);
  });
});
