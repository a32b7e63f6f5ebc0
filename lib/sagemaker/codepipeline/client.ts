import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { getConfig, type AccountConfig } from "@/lib/config";
import { currentActor, homeAccount } from "../accounts/context";
import { credentialsFor, EMULATOR_CREDENTIALS } from "../accounts/credentials";
import { CallKindRetryStrategy, WRITE_POLICY } from "../retry";

/**
 * CodePipeline clients, built like the SageMaker ones (client.ts): the emulator's endpoint and keys locally, the
 * default chain in AWS mode, a custom endpoint; per account (credentialsFor: an assumed role with the person as the
 * session name) and with the same per-call-kind retries and timeouts.
 */
function createCodePipelineClient(account: AccountConfig, actor: string | undefined): CodePipelineClient {
  const config = getConfig();
  const common = {
    retryStrategy: new CallKindRetryStrategy(config.sagemakerTimeoutMs),
    maxAttempts: WRITE_POLICY.maxAttempts,
    requestHandler: {
      connectionTimeout: Math.min(3_000, config.sagemakerTimeoutMs),
      requestTimeout: config.sagemakerTimeoutMs,
      throwOnRequestTimeout: true,
    },
  } as const;
  const target = config.sagemaker;
  const credentials = credentialsFor(account, actor);
  switch (target.kind) {
    case "local":
      return new CodePipelineClient({
        ...common,
        region: account.region,
        endpoint: target.endpoint,
        credentials: credentials ?? EMULATOR_CREDENTIALS,
      });
    case "custom":
      return new CodePipelineClient({
        ...common,
        region: account.region,
        endpoint: target.endpoint,
        ...(credentials
          ? { credentials }
          : config.awsCredentials
            ? {}
            : { credentials: EMULATOR_CREDENTIALS }),
      });
    case "aws": {
      return new CodePipelineClient({
        ...common,
        region: account.region,
        ...(credentials ? { credentials } : {}),
      });
    }
  }
}

const MAX_CLIENTS = 200;
const globalForClient = globalThis as unknown as {
  sagedeckCodePipelineClients?: Map<string, CodePipelineClient>;
};

/** The CodePipeline client for an account, acting for a person (the home account needs no person). */
export function codePipelineFor(account: AccountConfig, actor: string | undefined): CodePipelineClient {
  const clients = (globalForClient.sagedeckCodePipelineClients ??= new Map<string, CodePipelineClient>());
  const key = account.home ? account.name : `${account.name}|${actor ?? ""}`;
  const hit = clients.get(key);
  if (hit) return hit;
  if (clients.size >= MAX_CLIENTS) {
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  const client = createCodePipelineClient(account, actor);
  clients.set(key, client);
  return client;
}

/**
 * The account that holds the deploy pipelines: the registry's (home) account. A SageMaker Project's modeldeploy
 * pipeline lives where its model group does (the approval event rule is in that account) and deploys across
 * accounts with its actions' roles, so SageDeck reads and answers pipelines there. Not configurable yet.
 */
export function deployPipelineAccount(): AccountConfig {
  return homeAccount();
}

/** The client for the deploy pipelines' account, acting for the person of the current async context. */
export function getCodePipelineClient(): CodePipelineClient {
  return codePipelineFor(deployPipelineAccount(), currentActor());
}
