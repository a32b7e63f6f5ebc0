import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { getConfig, type AccountConfig } from "@/lib/config";
import { currentAccount, currentActor } from "../accounts/context";
import { credentialsFor } from "../accounts/credentials";

const MAX_CLIENTS = 200;
const globalForLogs = globalThis as unknown as { sagedeckLogsClients?: Map<string, CloudWatchLogsClient> };

/**
 * The CloudWatch Logs client of an account, with the same identity as its SageMaker client (the emulator's
 * endpoint locally — it speaks CloudWatch Logs on the same port —, the custom endpoint, or AWS's regional one).
 */
function logsClientFor(account: AccountConfig, actor: string | undefined): CloudWatchLogsClient {
  const clients = (globalForLogs.sagedeckLogsClients ??= new Map<string, CloudWatchLogsClient>());
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
  const client = new CloudWatchLogsClient({
    retryMode: "adaptive",
    maxAttempts: 3,
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

export function getLogsClient(): CloudWatchLogsClient {
  return logsClientFor(currentAccount(), currentActor());
}
