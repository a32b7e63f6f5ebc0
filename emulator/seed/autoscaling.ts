/**
 * Production endpoints of the Reliable and Scalable solutions autoscale: a scalable target (2–6 instances) and a
 * target-tracking policy on SageMakerVariantInvocationsPerInstance, then the last simulated day of load so the
 * scaling activities have history (evaluated every 5 minutes at real-time pace; the ticker carries on live).
 */
import type { SeedEnv } from "./env";
import { SOLUTIONS } from "./org";
import { endpoints } from "../ops/deploy/store";
import { simulate } from "../autoscaling/load";

const DAY = 86_400;

export async function seedAutoscaling(env: SeedEnv): Promise<void> {
  for (const s of SOLUTIONS) {
    const ep = s.endpoints.production;
    if ((s.phase !== "Reliable" && s.phase !== "Scalable") || !ep) continue;
    const account = env.emulator
      .activeAccounts()
      .find((a) => endpoints(env.emulator.stateOf(a)).has(ep.toLowerCase()));
    if (!account) continue;
    const target = {
      ServiceNamespace: "sagemaker",
      ResourceId: `endpoint/${ep}/variant/AllTraffic`,
      ScalableDimension: "sagemaker:variant:DesiredInstanceCount",
    };
    const user = s.approvers[0] ?? "admin";
    await env.as(user, env.anchor - 30 * DAY).inAccount(account, async (ctx) => {
      await ctx.call("application-autoscaling:RegisterScalableTarget", {
        ...target,
        MinCapacity: 2,
        MaxCapacity: 6,
      });
      await ctx.call("application-autoscaling:PutScalingPolicy", {
        ...target,
        PolicyName: `${ep}-invocations-target`,
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 70,
          PredefinedMetricSpecification: { PredefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
          ScaleOutCooldown: 300,
          ScaleInCooldown: 600,
        },
      });
    });
    env
      .as(user, env.anchor)
      .inAccount(account, (ctx) =>
        simulate(ctx, env.anchor, { speed: 1, every: 300, from: env.anchor - DAY }),
      );
  }
}
