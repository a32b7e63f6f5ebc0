import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { getConfig, type AccountConfig } from "@/lib/config";
import { ForbiddenError } from "@/lib/errors";
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

/** STS's refusals of an AssumeRole call itself (not a network failure, not throttling). */
const REFUSED = new Set(["AccessDenied", "AccessDeniedException"]);

/**
 * STS refused to let SageDeck assume the account's role — the role's trust policy does not trust SageDeck's
 * identity, the external id is wrong, or the role (or account) does not exist as configured. Named with the role
 * and the account, because the fix is on that role, not on SageDeck's own permissions.
 */
export function assumeRoleRefused(account: AccountConfig, cause: unknown): ForbiddenError {
  const id = account.accountId ?? account.roleArn?.split(":")[4] ?? "unknown id";
  return new ForbiddenError(
    `SageDeck cannot assume role ${account.roleArn} for account ${account.name} (${id}): check the role's trust policy (it must trust SageDeck's identity) and the external id.`,
    { cause },
  );
}

const isRefusal = (err: unknown) =>
  typeof err === "object" && err !== null && REFUSED.has((err as { name?: string }).name ?? "");

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
  const assume = fromTemporaryCredentials({
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
  // the client memoizes (and refreshes) what this returns; only STS's refusal is reworded
  return async (props) => {
    try {
      return await assume(props);
    } catch (err) {
      throw isRefusal(err) ? assumeRoleRefused(account, err) : err;
    }
  };
}
