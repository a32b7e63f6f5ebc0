import { DescribeEndpointCommand, ListTagsCommand } from "@aws-sdk/client-sagemaker";
import { isAppError } from "@/lib/errors";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { currentAccount } from "@/lib/sagemaker/accounts/context";
import { acrossAccounts, splitResults, type AccountFailure } from "@/lib/sagemaker/accounts/fan-out";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";
import { servedPackage } from "./configs";
import { searchEndpointsServing } from "./search";
import { STAGE_TAG, stageOfTag, type DeploymentStage, type StageEndpoint } from "./types";

const client = () => getSageMakerClient();

export async function listTags(arn: string): Promise<Record<string, string>> {
  return sagemakerRead({ key: `endpoints:tags:${arn}`, operation: "ListTags" }, async () => {
    const r = await client().send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }));
    return Object.fromEntries((r.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
  });
}

/** Live state of one endpoint; `fresh` skips the cache (rollout following). Null when it does not exist. */
export async function describeEndpoint(name: string, fresh = false): Promise<StageEndpoint | null> {
  try {
    return await sagemakerRead(
      {
        key: fresh ? `endpoints:describe-fresh:${name}` : `endpoints:describe:${name}`,
        operation: "DescribeEndpoint",
        resource: `Endpoint "${name}"`,
        ...(fresh ? { ttlMs: 0 } : {}),
      },
      async () => {
        const e = await client().send(new DescribeEndpointCommand({ EndpointName: name }));
        const tags = await listTags(e.EndpointArn ?? "");
        const served = e.EndpointConfigName ? await servedPackage(e.EndpointConfigName) : {};
        return {
          account: currentAccount().name,
          name,
          arn: e.EndpointArn ?? "",
          stage: stageOfTag(tags[STAGE_TAG]) ?? "Staging",
          status: e.EndpointStatus ?? "Unknown",
          configName: e.EndpointConfigName,
          pendingConfigName: e.PendingDeploymentSummary?.EndpointConfigName,
          servedArn: served.arn,
          failureReason: e.FailureReason,
          lastModifiedAt: e.LastModifiedTime?.getTime(),
          tags,
          variants: (e.ProductionVariants ?? []).map((v) => ({
            name: v.VariantName ?? "",
            currentInstanceCount: v.CurrentInstanceCount,
            desiredInstanceCount: v.DesiredInstanceCount,
          })),
        };
      },
    );
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return null;
    throw err;
  }
}

/** Every stage endpoint of every configured account (read in parallel); an account that fails is listed apart. */
export async function listStageEndpointsEverywhere(): Promise<{
  endpoints: StageEndpoint[];
  failures: AccountFailure[];
}> {
  const { items, failures } = splitResults(await acrossAccounts(() => listStageEndpoints()));
  return { endpoints: items, failures };
}

/**
 * Every endpoint of the current account tagged with a deployment stage, with what it serves: one Search over
 * Endpoint (tags included) and one config → model resolution per endpoint config (search.ts).
 */
export async function listStageEndpoints(): Promise<StageEndpoint[]> {
  const all = await searchEndpointsServing();
  return all
    .filter((e) => STAGE_TAG in e.tags)
    .map(({ monitoring: _m, ...e }) => ({ ...e, stage: stageOfTag(e.tags[STAGE_TAG]) ?? "Staging" }));
}

/** A group's tags: from the cached group list (Search returns them), else one ListTags. */
async function groupTagsOf(groupArn: string): Promise<Record<string, string>> {
  const g = (await listModelGroups()).find((x) => x.arn === groupArn);
  return g?.tags ?? listTags(groupArn);
}

/**
 * The endpoints of a group's solution per stage, in whichever account holds them: same `team` (or project) tag
 * as the group. An account that cannot be read contributes nothing (its error shows where endpoints are listed).
 */
export async function stageEndpointsForGroup(
  groupArn: string,
): Promise<Partial<Record<DeploymentStage, StageEndpoint>>> {
  const [groupTags, { endpoints }] = await Promise.all([
    groupTagsOf(groupArn),
    listStageEndpointsEverywhere(),
  ]);
  const key = groupTags["sagemaker:project-name"] ? "sagemaker:project-name" : "team";
  const value = groupTags[key];
  const out: Partial<Record<DeploymentStage, StageEndpoint>> = {};
  for (const e of endpoints) {
    if (value === undefined || e.tags[key] !== value) continue;
    const stage = stageOfTag(e.tags[STAGE_TAG]);
    if (stage && !out[stage]) out[stage] = e;
  }
  return out;
}
