/**
 * The EventBridge rule of a SageMaker Project's deploy pipeline: a model version of a linked group changing to
 * Approved (UpdateModelPackage, or CreateModelPackage registering it Approved) starts the pipeline, as the
 * "SageMaker Model Package State Change" event does on AWS. A group is linked by its tags:
 * `sagemaker:project-name` = P → the pipeline `sagemaker-P-modeldeploy` (what the MLOps templates create), or
 * `mlops:deploy-pipeline` = the pipeline's name (for groups not created by a Project). Same account as the group.
 */
import { decorateOperation, type Handler } from "../core/registry";
import { getTags } from "../core/tags";
import { REGION } from "../core/arn";
import type { Ctx } from "../core/context";
import { groups, findPackage, groupKey, type PackageRecord } from "../ops/registry/store";
import { startExecution } from "./engine";
import { pipelines, text } from "./store";

export const PROJECT_TAG = "sagemaker:project-name";
export const PIPELINE_TAG = "mlops:deploy-pipeline";

/** The deploy pipeline linked to a group by its tags, if it exists in the account. */
export function linkedPipeline(ctx: Ctx, group: string): string | undefined {
  const g = groups(ctx.state).get(groupKey(group));
  if (!g) return undefined;
  const tags = getTags(ctx.state, g.ModelPackageGroupArn);
  const named = tags.find((t) => t.Key === PIPELINE_TAG)?.Value;
  const project = tags.find((t) => t.Key === PROJECT_TAG)?.Value;
  const candidates = [named, project ? `sagemaker-${project}-modeldeploy` : undefined];
  return candidates.find((n): n is string => n !== undefined && pipelines(ctx.state).has(n));
}

async function onApproved(ctx: Ctx, pkg: PackageRecord): Promise<void> {
  if (!pkg.ModelPackageGroupName) return;
  const name = linkedPipeline(ctx, pkg.ModelPackageGroupName);
  const p = name ? pipelines(ctx.state).get(name) : undefined;
  if (!p) return;
  const rule = `arn:aws:events:${REGION}:${ctx.account}:rule/${name ?? ""}-trigger`.slice(0, 1024);
  await startExecution(ctx, p, { trigger: { triggerType: "CloudWatchEvent", triggerDetail: rule } });
}

const watch =
  (member: string) =>
  (next: Handler): Handler =>
  async (input, ctx) => {
    const ref = text(input[member]);
    const before = ref ? findPackage(ctx.state, ref)?.ModelApprovalStatus : undefined;
    const out = await next(input, ctx);
    const arn = typeof out.ModelPackageArn === "string" ? out.ModelPackageArn : ref;
    const after = findPackage(ctx.state, arn);
    if (after?.ModelApprovalStatus === "Approved" && before !== "Approved") await onApproved(ctx, after);
    return out;
  };

decorateOperation("UpdateModelPackage", watch("ModelPackageArn"));
decorateOperation("CreateModelPackage", watch(""));
