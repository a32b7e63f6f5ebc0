import { S3Client } from "@aws-sdk/client-s3";
import { getConfig, type Config } from "@/lib/config";

/** Dummy credentials for the emulator (it checks that a request is signed, not the keys). */
const EMULATOR_CREDENTIALS = { accessKeyId: "AKIDSAGEDECKLOCAL", secretAccessKey: "sagedeck-local-secret" };

/**
 * The S3 client that reads ModelMetrics reports: the emulator (or `S3_ENDPOINT`) path-style, else S3 itself
 * with the default credential chain (the same identity that reads SageMaker; it needs s3:GetObject on the
 * report buckets).
 */
export function createS3Client(
  config: Pick<Config, "sagemaker" | "s3" | "sagemakerTimeoutMs"> & Partial<Pick<Config, "awsCredentials">>,
): S3Client {
  const region = config.sagemaker.region ?? undefined;
  const useEmulatorKeys = config.sagemaker.kind === "local" || (config.s3.endpoint && !config.awsCredentials);
  return new S3Client({
    retryMode: "adaptive",
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: Math.min(3_000, config.sagemakerTimeoutMs),
      requestTimeout: config.sagemakerTimeoutMs,
    },
    ...(region ? { region } : {}),
    ...(config.s3.endpoint ? { endpoint: config.s3.endpoint, forcePathStyle: config.s3.forcePathStyle } : {}),
    ...(useEmulatorKeys ? { credentials: EMULATOR_CREDENTIALS } : {}),
  });
}

const globalForClient = globalThis as unknown as { sagedeckS3?: S3Client };

export function getS3Client(): S3Client {
  globalForClient.sagedeckS3 ??= createS3Client(getConfig());
  return globalForClient.sagedeckS3;
}
