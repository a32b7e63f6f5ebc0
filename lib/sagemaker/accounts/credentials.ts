import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { getConfig, type AccountConfig } from "@/lib/config";
import { sessionNameFor } from "./context";

type Credentials = NonNullable<SageMakerClientConfig["credentials"]>;
type StaticCredentials = { accessKeyId: string; secretAccessKey: string };

/** Dummy credentials for the emulator's home account (it checks the SigV4 shape and maps the key to an account). */
export const EMULATOR_CREDENTIALS: StaticCredentials = {
  accessKeyId: "AKIDSAGEDECKLOCAL",
  secretAccessKey: "sagedeck-local-secret",
};

/** The dashboard's own credentials: the emulator's keys locally, else the SDK's default chain (undefined). */
export function homeCredentials(): StaticCredentials | undefined {
  const config = getConfig();
  if (config.sagemaker.kind === "local") return EMULATOR_CREDENTIALS;
  if (config.sagemaker.kind === "custom" && !config.awsCredentials) return EMULATOR_CREDENTIALS;
  return undefined;
}

/** Where STS is: the emulator (local or custom endpoint, same port) or AWS's regional endpoint. */
export function stsEndpoint(): string | undefined {
  const target = getConfig().sagemaker;
  return target.kind === "aws" ? undefined : target.endpoint;
}

/**
 * Credentials for an account: the home account uses the dashboard's own; any other assumes its role from them
 * (`sts:AssumeRole`, refreshed before expiry by the provider) with the person as role session name and source
 * identity, so that account's CloudTrail shows `assumed-role/<role>/sagedeck-<login>`.
 */
export function credentialsFor(account: AccountConfig, actor: string | undefined): Credentials | undefined {
  const own = homeCredentials();
  if (account.home || !account.roleArn) return own;
  const name = sessionNameFor(actor);
  const endpoint = stsEndpoint();
  return fromTemporaryCredentials({
    params: {
      RoleArn: account.roleArn,
      RoleSessionName: name,
      ...(actor ? { SourceIdentity: name } : {}),
      ...(account.externalId ? { ExternalId: account.externalId } : {}),
      DurationSeconds: 3600,
    },
    ...(own ? { masterCredentials: own } : {}),
    clientConfig: { region: account.region, ...(endpoint ? { endpoint } : {}) },
  });
}
