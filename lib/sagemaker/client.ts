import { SageMakerClient, type SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { getConfig, type AccountConfig, type Config } from "@/lib/config";
import { currentAccount, currentActor } from "./accounts/context";
import { credentialsFor, EMULATOR_CREDENTIALS } from "./accounts/credentials";
import { CallKindRetryStrategy, WRITE_POLICY } from "./retry";

type ClientConfigInput = Pick<Config, "sagemaker" | "sagemakerTimeoutMs"> &
  Partial<Pick<Config, "awsCredentials">>;

/** Builds a client for the configured target: emulator, real AWS (default credential chain) or a custom endpoint. */
export function createSageMakerClient(
  config: ClientConfigInput,
  account?: { region: string; credentials: SageMakerClientConfig["credentials"] },
): SageMakerClient {
  const common = {
    // per call kind (retry.ts): reads fail fast, writes retry until their deadline; no shared rate limiter
    retryStrategy: new CallKindRetryStrategy(config.sagemakerTimeoutMs),
    maxAttempts: WRITE_POLICY.maxAttempts,
    requestHandler: {
      connectionTimeout: Math.min(3_000, config.sagemakerTimeoutMs),
      requestTimeout: config.sagemakerTimeoutMs,
      // without it the SDK only logs a warning and keeps waiting: SAGEMAKER_TIMEOUT_MS is a deadline per attempt
      throwOnRequestTimeout: true,
    },
  } as const;
  const target = config.sagemaker;
  const own = account?.credentials ? { credentials: account.credentials } : undefined;
  switch (target.kind) {
    case "local":
      return new SageMakerClient({
        ...common,
        region: account?.region ?? target.region,
        endpoint: target.endpoint,
        credentials: own?.credentials ?? EMULATOR_CREDENTIALS,
      });
    case "custom":
      return new SageMakerClient({
        ...common,
        region: account?.region ?? target.region,
        endpoint: target.endpoint,
        ...(own ?? (config.awsCredentials ? {} : { credentials: EMULATOR_CREDENTIALS })),
      });
    case "aws": {
      const region = account?.region ?? target.region;
      return new SageMakerClient({ ...common, ...(region ? { region } : {}), ...(own ?? {}) });
    }
  }
}

const MAX_CLIENTS = 200;
const globalForClient = globalThis as unknown as { sagedeckSageMakerClients?: Map<string, SageMakerClient> };

/** The client for an account, acting for a person (one per account and person; the home account needs no person). */
export function clientFor(account: AccountConfig, actor: string | undefined): SageMakerClient {
  const clients = (globalForClient.sagedeckSageMakerClients ??= new Map<string, SageMakerClient>());
  const key = account.home ? account.name : `${account.name}|${actor ?? ""}`;
  const hit = clients.get(key);
  if (hit) return hit;
  if (clients.size >= MAX_CLIENTS) {
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  const client = createSageMakerClient(getConfig(), {
    region: account.region,
    credentials: credentialsFor(account, actor),
  });
  clients.set(key, client);
  return client;
}

/** The client for the account (and person) of the current async context; see accounts/context.ts. */
export function getSageMakerClient(): SageMakerClient {
  return clientFor(currentAccount(), currentActor());
}
