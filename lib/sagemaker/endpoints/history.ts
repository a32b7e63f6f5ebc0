import { inAccount } from "@/lib/sagemaker/accounts/context";
import { listEndpointConfigs, servedPackage } from "./configs";

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
export async function endpointConfigHistory(endpoint: string, account?: string): Promise<ConfigRecord[]> {
  const read = async () => {
    const newestFirst = await listEndpointConfigs(endpoint);
    return Promise.all(
      [...newestFirst].reverse().map(async (c) => ({
        name: c.config,
        createdAt: c.at,
        servedArn: (await servedPackage(c.config)).arn,
      })),
    );
  };
  // the configs live in the endpoint's account (`account`, a configured account's name), else the current one
  return account ? inAccount(account, read) : read();
}
