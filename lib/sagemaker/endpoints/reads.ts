import {
  DescribeEndpointCommand,
  ListEndpointsCommand,
  ListTagsCommand,
  type EndpointSummary,
} from "@aws-sdk/client-sagemaker";
import { isAppError } from "@/lib/errors";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { currentAccount } from "@/lib/sagemaker/accounts/context";
import { acrossAccounts, splitResults, type AccountFailure } from "@/lib/sagemaker/accounts/fan-out";
import { servedPackage } from "./configs";
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

/** The names of every endpoint of the current account (the one ListEndpoints read, shared by every caller). */
export async function listEndpointNames(): Promise<string[]> {
  return sagemakerRead({ key: "endpoints:list", operation: "ListEndpoints" }, async () => {
    const out: EndpointSummary[] = [];
    let token: string | undefined;
    for (let i = 0; i < 20; i++) {
      const r = await client().send(new ListEndpointsCommand({ MaxResults: 100, NextToken: token }));
      out.push(...(r.Endpoints ?? []));
      token = r.NextToken;
      if (!token) break;
    }
    return out.map((e) => e.EndpointName ?? "").filter(Boolean);
  });
}

/** Every endpoint of the current account tagged with a deployment stage, with what it serves. */
export async function listStageEndpoints(): Promise<StageEndpoint[]> {
  const all = await listEndpointNames();
  const described = await Promise.all(all.map((n) => describeEndpoint(n)));
  return described.filter((e): e is StageEndpoint => e !== null && STAGE_TAG in e.tags);
}

/**
 * The endpoints of a group's solution per stage, in whichever account holds them: same `team` (or project) tag
 * as the group. An account that cannot be read contributes nothing (its error shows where endpoints are listed).
 */
export async function stageEndpointsForGroup(
  groupArn: string,
): Promise<Partial<Record<DeploymentStage, StageEndpoint>>> {
  const [groupTags, { endpoints }] = await Promise.all([listTags(groupArn), listStageEndpointsEverywhere()]);
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
