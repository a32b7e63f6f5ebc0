import { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { getConfig, type AccountConfig } from "@/lib/config";
import { currentAccount, currentActor } from "../accounts/context";
import { credentialsFor } from "../accounts/credentials";
import { CallKindRetryStrategy, WRITE_POLICY } from "../retry";

const MAX_CLIENTS = 200;
const globalForAas = globalThis as unknown as {
  sagedeckAutoScalingClients?: Map<string, ApplicationAutoScalingClient>;
};

/**
 * The Application Auto Scaling client of an account, with the same identity as its SageMaker client
 * (`credentialsFor`: the home account's own, else the assumed role with the person as session name) and the same
 * per-call-kind retries. The emulator speaks Application Auto Scaling on its one port; AWS: the regional endpoint.
 */
function clientFor(account: AccountConfig, actor: string | undefined): ApplicationAutoScalingClient {
  const clients = (globalForAas.sagedeckAutoScalingClients ??= new Map<
    string,
    ApplicationAutoScalingClient
  >());
  const key = account.home ? account.name : `${account.name}|${actor ?? ""}`;
  const hit = clients.get(key);
  if (hit) return hit;
  if (clients.size >= MAX_CLIENTS) {
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  const config = getConfig();
  const target = config.sagemaker;
  const region = account.region ?? target.region ?? undefined;
  const credentials = credentialsFor(account, actor);
  const client = new ApplicationAutoScalingClient({
    retryStrategy: new CallKindRetryStrategy(config.sagemakerTimeoutMs),
    maxAttempts: WRITE_POLICY.maxAttempts,
    requestHandler: {
      connectionTimeout: Math.min(3_000, config.sagemakerTimeoutMs),
      requestTimeout: config.sagemakerTimeoutMs,
      throwOnRequestTimeout: true,
    },
    ...(region ? { region } : {}),
    ...(target.kind !== "aws" ? { endpoint: target.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  });
  clients.set(key, client);
  return client;
}

/** The client for the account (and person) of the current async context. */
export function getAutoScalingClient(): ApplicationAutoScalingClient {
  return clientFor(currentAccount(), currentActor());
}
