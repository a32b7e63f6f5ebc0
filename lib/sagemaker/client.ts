import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { getConfig, type Config } from "@/lib/config";

/** Dummy credentials for the emulator (it checks the SigV4 shape, not the keys). */
const EMULATOR_CREDENTIALS = { accessKeyId: "AKIDSAGEDECKLOCAL", secretAccessKey: "sagedeck-local-secret" };

/** Builds a client for the configured target: emulator, real AWS (default credential chain) or a custom endpoint. */
export function createSageMakerClient(
  config: Pick<Config, "sagemaker" | "sagemakerTimeoutMs"> & Partial<Pick<Config, "awsCredentials">>,
): SageMakerClient {
  const common = {
    retryMode: "adaptive",
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: Math.min(3_000, config.sagemakerTimeoutMs),
      requestTimeout: config.sagemakerTimeoutMs,
      // without it the SDK only logs a warning and keeps waiting: SAGEMAKER_TIMEOUT_MS is a deadline per attempt
      throwOnRequestTimeout: true,
    },
  } as const;
  const target = config.sagemaker;
  switch (target.kind) {
    case "local":
      return new SageMakerClient({
        ...common,
        region: target.region,
        endpoint: target.endpoint,
        credentials: EMULATOR_CREDENTIALS,
      });
    case "custom":
      return new SageMakerClient({
        ...common,
        region: target.region,
        endpoint: target.endpoint,
        ...(config.awsCredentials ? {} : { credentials: EMULATOR_CREDENTIALS }),
      });
    case "aws":
      return new SageMakerClient({ ...common, ...(target.region ? { region: target.region } : {}) });
  }
}

const globalForClient = globalThis as unknown as { sagedeckSageMaker?: SageMakerClient };

export function getSageMakerClient(): SageMakerClient {
  globalForClient.sagedeckSageMaker ??= createSageMakerClient(getConfig());
  return globalForClient.sagedeckSageMaker;
}
