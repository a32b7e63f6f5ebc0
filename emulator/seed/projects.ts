/**
 * First seeder: the SageMaker Projects of the demo organisation and every model package group of every
 * solution (pipeline groups and manual groups), tagged by team and project, ~183 days before the anchor.
 */
import type { SeedEnv } from "./env";
import { SOLUTIONS, HISTORY_DAYS, LARGE, type SolutionSpec } from "./org";

const DAY = 86_400;

/** The tag SageDeck's maturity view reads a solution's display name from (lib/maturity/collect/group.ts). */
export const SOLUTION_NAME_TAG = "sagedeck:solution-name";

/** The team and the solution's display name: what every resource of a solution carries. */
export function ownerTags(s: SolutionSpec): { Key: string; Value: string }[] {
  return [
    { Key: "team", Value: s.team },
    { Key: SOLUTION_NAME_TAG, Value: s.displayName },
  ];
}

export function solutionTags(s: SolutionSpec): { Key: string; Value: string }[] {
  const tags = ownerTags(s);
  if (s.project)
    tags.push(
      { Key: "sagemaker:project-name", Value: s.project.name },
      { Key: "sagemaker:project-id", Value: s.project.id },
    );
  return tags;
}

export function solutionGroups(s: SolutionSpec): string[] {
  return [...s.pipelines.map((p) => p.modelPackageGroup), ...s.manualModelPackageGroups];
}

export async function seedProjects(env: SeedEnv): Promise<void> {
  const start = env.anchor - HISTORY_DAYS * DAY;
  let i = 0;
  for (const s of SOLUTIONS) {
    const owner = s.approvers[0] ?? s.scientists[0] ?? "admin";
    const t = start + i * 3600 + Math.floor(env.random() * 1800);
    i++;
    if (s.project) {
      await env.as(owner, t).call("_CreateProject", {
        ProjectName: s.project.name,
        ProjectId: s.project.id,
        ProjectDescription: `${s.displayName} — ${s.project.templateName}`,
        ServiceCatalogProvisioningDetails: {
          ProductId: s.project.templateProductId,
          ProvisioningArtifactId: "pa-mlopsv1a2b3c4d",
        },
        Tags: ownerTags(s),
      });
    }
    for (const [j, group] of solutionGroups(s).entries()) {
      await env.as(owner, t + 600 + j * 60).call("CreateModelPackageGroup", {
        ModelPackageGroupName: group,
        ModelPackageGroupDescription: `${s.displayName} models (${group})`,
        Tags: solutionTags(s),
      });
    }
  }
  if (env.scale === "large")
    await env.as("admin", start).call("CreateModelPackageGroup", {
      ModelPackageGroupName: LARGE.modelPackageGroup.name,
      ModelPackageGroupDescription: "Benchmark group with many versions",
      Tags: [{ Key: "team", Value: "platform" }],
    });
}
