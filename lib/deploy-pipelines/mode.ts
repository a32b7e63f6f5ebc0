/**
 * How a model group's versions reach their endpoints: "pipeline" when the group's tags link it to a deploy pipeline
 * that exists (the team's CodePipeline deploys; SageDeck approves in the registry and answers the pipeline's gates),
 * else "direct" (SageDeck's own promote and rollback deploy).
 */
import { PolicyRefusalError } from "@/lib/errors";
import { deployPipelineAccount, getPipeline } from "@/lib/sagemaker/codepipeline";
import { listTags } from "@/lib/sagemaker/endpoints/reads";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";
import { pipelineDeployedReason } from "./reasons";

/** SageMaker Projects tag their groups with the project: its MLOps template names the pipeline `sagemaker-P-modeldeploy`. */
export const PROJECT_TAG = "sagemaker:project-name";
/** A team convention for groups not created by a Project: the deploy pipeline's name. */
export const PIPELINE_TAG = "mlops:deploy-pipeline";

export type DeploymentMode =
  | { mode: "direct" }
  | {
      mode: "pipeline";
      pipeline: string;
      /** the configured account holding the pipeline (codepipeline/client.ts deployPipelineAccount) */
      account: string;
      /** which tag linked it */
      linkedBy: typeof PROJECT_TAG | typeof PIPELINE_TAG;
    };

/** The pipeline names a group's tags point to, in the order they are tried. */
export function linkedPipelineNames(
  tags: Record<string, string>,
): { name: string; by: typeof PROJECT_TAG | typeof PIPELINE_TAG }[] {
  const out: { name: string; by: typeof PROJECT_TAG | typeof PIPELINE_TAG }[] = [];
  const named = tags[PIPELINE_TAG]?.trim();
  if (named) out.push({ name: named, by: PIPELINE_TAG });
  const project = tags[PROJECT_TAG]?.trim();
  if (project) out.push({ name: `sagemaker-${project}-modeldeploy`, by: PROJECT_TAG });
  return out;
}

/** The deployment mode of a group whose ARN is known (tags read through the cache). */
export async function deploymentModeOfArn(groupArn: string): Promise<DeploymentMode> {
  const tags = await listTags(groupArn);
  for (const link of linkedPipelineNames(tags)) {
    if (await getPipeline(link.name))
      return {
        mode: "pipeline",
        pipeline: link.name,
        account: deployPipelineAccount().name,
        linkedBy: link.by,
      };
  }
  return { mode: "direct" };
}

export async function deploymentModeOf(group: string): Promise<DeploymentMode> {
  const g = (await listModelGroups()).find((x) => x.name === group);
  return g ? deploymentModeOfArn(g.arn) : { mode: "direct" };
}

/** Every group deployed by a pipeline, with its pipeline. */
export async function pipelineDeployedGroups(): Promise<{ group: string; pipeline: string }[]> {
  const groups = await listModelGroups();
  const modes = await Promise.all(
    groups.map(async (g) => ({ group: g.name, mode: await deploymentModeOfArn(g.arn) })),
  );
  return modes.flatMap(({ group, mode }) =>
    mode.mode === "pipeline" ? [{ group, pipeline: mode.pipeline }] : [],
  );
}

/** Refuses (422, audited as a refused attempt) a direct promotion or rollback of a pipeline-deployed group. */
export async function assertDirectDeployment(group: string): Promise<void> {
  const mode = await deploymentModeOf(group);
  if (mode.mode === "pipeline") throw new PolicyRefusalError(pipelineDeployedReason(mode.pipeline));
}
