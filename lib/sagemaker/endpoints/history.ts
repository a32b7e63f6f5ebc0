import { ListEndpointConfigsCommand, type EndpointConfigSummary } from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { servedPackage } from "./reads";

export interface ConfigRecord {
  name: string;
  createdAt: number;
  servedArn?: string;
}

/**
 * The endpoint configs made for an endpoint (named `<endpoint>-…`), oldest first, with the version each
 * serves. SageMaker keeps no deployment history, so this is an approximation: a config's creation time is
 * taken as the time it went live, and a redeployment of an old config (a rollback) is not visible.
 */
export async function endpointConfigHistory(endpoint: string): Promise<ConfigRecord[]> {
  const summaries = await sagemakerRead(
    { key: `endpoints:config-history:${endpoint}`, operation: "ListEndpointConfigs" },
    async () => {
      const out: EndpointConfigSummary[] = [];
      let token: string | undefined;
      for (let i = 0; i < 20; i++) {
        const r = await getSageMakerClient().send(
          new ListEndpointConfigsCommand({
            NameContains: endpoint,
            SortBy: "CreationTime",
            SortOrder: "Ascending",
            MaxResults: 100,
            NextToken: token,
          }),
        );
        out.push(...(r.EndpointConfigs ?? []));
        token = r.NextToken;
        if (!token) break;
      }
      return out
        .filter((c) => c.EndpointConfigName?.startsWith(`${endpoint}-`))
        .map((c) => ({ name: c.EndpointConfigName ?? "", createdAt: c.CreationTime?.getTime() ?? 0 }));
    },
  );
  return Promise.all(summaries.map(async (c) => ({ ...c, servedArn: (await servedPackage(c.name)).arn })));
}
