/**
 * Production keeps its autoscaling across promotions and rollbacks: once a rollout to Production is InService,
 * the endpoint's variant is (re-)registered with Application Auto Scaling from the solution's policy (the group's
 * `sagedeck:autoscaling` tag over SAGEDECK_AUTOSCALING), in the endpoint's account, as the decision's person. The
 * result is part of the decision's outcome; a failure is the decision's warning — the deployment stands.
 */
import { getConfig } from "@/lib/config";
import { policyForGroup, type AutoscalingPolicy } from "@/lib/config/autoscaling";
import type { DecisionRow } from "@/lib/db/schema";
import { asActor, homeAccount, inAccount } from "@/lib/sagemaker/accounts/context";
import { applyVariantScaling } from "@/lib/sagemaker/autoscaling/writes";
import { INVOCATIONS_METRIC } from "@/lib/sagemaker/autoscaling/types";
import { listTags } from "@/lib/sagemaker/endpoints/reads";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";

export interface ScalingOutcome {
  /** appended to the decision's outcome ("" when the stage is not Production) */
  note: string;
  warning?: string;
}

export const describePolicy = (p: AutoscalingPolicy) =>
  `${p.min}–${p.max} instances, target ${p.target} invocations per instance per minute`;

/** The solution's policy: its group's tag (registry account) over the configured default. */
async function solutionPolicy(group: string) {
  const base = getConfig().autoscaling;
  const tags = await inAccount(homeAccount(), async () => {
    const g = (await listModelGroups()).find((x) => x.name === group);
    return g ? listTags(g.arn) : {};
  });
  return policyForGroup(tags, base);
}

/** Registers the production variant's scaling after an InService rollout; never throws. */
export async function keepProductionScaling(
  r: Pick<DecisionRow, "targetStage" | "groupName" | "endpointName" | "account" | "id" | "actor">,
  e: StageEndpoint,
  account: string,
): Promise<ScalingOutcome> {
  if (r.targetStage !== "Production" || !r.endpointName) return { note: "" };
  const endpoint = r.endpointName;
  const variant = e.variants?.[0]?.name || "AllTraffic";
  try {
    const { policy, from, problem } = await solutionPolicy(r.groupName);
    // as the decision's person (whoever follows the rollout): their name in the stage account's CloudTrail
    const now = await asActor(r.actor, () =>
      inAccount(account, () => applyVariantScaling(endpoint, variant, policy)),
    );
    const tracking = now.policies.find((p) => p.metric === INVOCATIONS_METRIC);
    if (
      now.target?.minCapacity !== policy.min ||
      now.target.maxCapacity !== policy.max ||
      tracking?.targetValue !== policy.target
    )
      throw new Error("Application Auto Scaling does not show the registered target and policy afterwards");
    const source = from === "tag" ? "the group's sagedeck:autoscaling tag" : "SageDeck's default";
    return {
      note: ` Autoscaling registered on ${variant}: ${describePolicy(policy)} (${source}).`,
      ...(problem ? { warning: `Autoscaling: ${problem}.` } : {}),
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      note: " Autoscaling was NOT registered (see the warning).",
      warning: `Production variant ${variant} of ${endpoint} was not registered with Application Auto Scaling: ${message} It runs at a fixed instance count until scaling is registered.`,
    };
  }
}
