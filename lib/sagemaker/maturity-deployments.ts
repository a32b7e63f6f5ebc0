import { ListEndpointConfigsCommand } from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "./call";
import { getSageMakerClient } from "./client";
import { servedPackage } from "./endpoints";

/** Endpoint configs read per endpoint (the newest ones). */
export const CONFIGS_PER_ENDPOINT = 20;

export interface ConfigDeployment {
  config: string;
  /** the config's creation time, taken as when it went live (approx) */
  at: number;
  packageArn?: string;
}

/**
 * An endpoint's deployment history, approximated from its endpoint configs (`<endpoint>-…`), oldest first:
 * SageMaker keeps no deployment log, so a config's creation time stands for its go-live, and a redeployment
 * of an older config (a rollback) shows only in the endpoint's current config.
 */
export async function endpointDeployments(endpoint: string): Promise<ConfigDeployment[]> {
  const configs = await sagemakerRead(
    { key: `maturity:configs:${endpoint}`, operation: "ListEndpointConfigs" },
    async () => {
      const r = await getSageMakerClient().send(
        new ListEndpointConfigsCommand({
          NameContains: endpoint,
          SortBy: "CreationTime",
          SortOrder: "Descending",
          MaxResults: CONFIGS_PER_ENDPOINT,
        }),
      );
      return (r.EndpointConfigs ?? [])
        .filter((c) => c.EndpointConfigName?.startsWith(`${endpoint}-`))
        .map((c) => ({ config: c.EndpointConfigName ?? "", at: c.CreationTime?.getTime() ?? 0 }));
    },
  );
  const withArns = await Promise.all(
    configs.map(async (c) => ({ ...c, packageArn: (await servedPackage(c.config)).arn })),
  );
  return withArns.sort((a, b) => a.at - b.at);
}
