import path from "node:path";
import { EnvSchema, ENV_HINTS, type Env } from "./schema";
import { resolveSessionSecret } from "./secret";
import { parseRoleMap, type RoleMap } from "./role-map";
import { parseAccounts, type AccountConfig } from "./accounts";
import { parseAutoscaling, type AutoscalingPolicy } from "./autoscaling";
import { parseOps, type OpsConfig } from "./ops";

export type { AccountConfig, AccountStage } from "./accounts";
export type { AutoscalingPolicy } from "./autoscaling";
export type { OpsConfig } from "./ops";

/** Thrown for bad configuration; the message is one line that names the variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export type SageMakerTarget =
  | { kind: "local"; endpoint: string; region: string }
  | { kind: "aws"; region: string | undefined; accountId: string | undefined }
  | { kind: "custom"; endpoint: string; region: string };

export interface Config {
  mode: "local" | "aws" | "custom";
  sagemaker: SageMakerTarget;
  /** the AWS accounts SageDeck works in; exactly one is `home` (one account = single-account behaviour) */
  accounts: AccountConfig[];
  /** Where ModelMetrics reports are read: the emulator (local), `S3_ENDPOINT`, else S3 via the default chain. */
  s3: { endpoint?: string; forcePathStyle: boolean };
  /** AWS_ACCESS_KEY_ID or AWS_PROFILE is set: a custom endpoint is signed with the credential chain, not the emulator's keys */
  awsCredentials: boolean;
  sagemakerCacheTtlMs: number;
  sagemakerTimeoutMs: number;
  port: number;
  emulatorPort: number;
  dataDir: string;
  /** the tag that groups resources into ML solutions when there is no project, and the one naming them */
  maturity: { groupTag: string; nameTag: string; snapshotMinutes: number };
  /** the autoscaling policy production deployments register (a group's `sagedeck:autoscaling` tag overrides it) */
  autoscaling: AutoscalingPolicy;
  /** pipeline parameters that control approval: SageDeck starts runs only with them PendingManualApproval */
  approvalParameters: string[];
  /** SAGEDECK_APPROVE_REASON: whether an approval (version or deploy gate) needs a written reason */
  approveReason: "required" | "optional";
  database: { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };
  /** metrics access, request logs, graceful shutdown (lib/config/ops.ts) */
  ops: OpsConfig;
  auth: {
    secret: string;
    url: string;
    demoUsers: boolean;
    /** reverse proxies in front of SageDeck that append the client address to X-Forwarded-For */
    trustedProxyHops: number;
    oidc: {
      issuer: string;
      clientId: string;
      clientSecret: string;
      groupsClaim: string;
      roleMap: RoleMap;
    } | null;
  };
}

function parseEnv(source: Readonly<Record<string, string | undefined>>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "environment") as keyof Env;
  const hint = ENV_HINTS[name];
  throw new ConfigError(`${name} is invalid (${issue?.message ?? "bad value"})${hint ? `: ${hint}` : ""}.`);
}

function oidcConfig(env: Env): Config["auth"]["oidc"] {
  const parts = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET];
  if (parts.every((p) => p === undefined)) return null;
  if (!env.AUTH_OIDC_ISSUER || !env.AUTH_OIDC_CLIENT_ID || !env.AUTH_OIDC_CLIENT_SECRET) {
    throw new ConfigError(
      "OIDC sign-in needs all of AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET; set the missing ones or unset all three.",
    );
  }
  let roleMap: RoleMap;
  try {
    roleMap = parseRoleMap(env.AUTH_ROLE_MAP ?? "");
  } catch (err) {
    throw new ConfigError(`AUTH_ROLE_MAP is invalid: ${(err as Error).message}`);
  }
  return {
    issuer: env.AUTH_OIDC_ISSUER.replace(/\/$/, ""),
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    groupsClaim: env.AUTH_OIDC_GROUPS_CLAIM,
    roleMap,
  };
}

/** Builds the validated configuration. Pure apart from creating the local session secret file. */
export function loadConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
  cwd = process.cwd(),
): Config {
  const env = parseEnv(source);
  const dataDir = path.resolve(cwd, env.SAGEDECK_DATA_DIR);
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;

  let sagemaker: SageMakerTarget;
  if (env.SAGEMAKER_ENDPOINT) {
    sagemaker = {
      kind: "custom",
      endpoint: env.SAGEMAKER_ENDPOINT.replace(/\/$/, ""),
      region: region ?? "us-east-1",
    };
  } else if (env.SAGEMAKER_MODE === "aws") {
    sagemaker = { kind: "aws", region, accountId: env.AWS_ACCOUNT_ID };
  } else {
    sagemaker = { kind: "local", endpoint: `http://127.0.0.1:${env.EMULATOR_PORT}`, region: "us-east-1" };
  }

  // the emulator serves S3 on its own port; a custom SageMaker endpoint is assumed to do the same unless told
  const s3Endpoint = env.S3_ENDPOINT ?? (sagemaker.kind === "aws" ? undefined : sagemaker.endpoint);
  const s3: Config["s3"] = s3Endpoint
    ? { endpoint: s3Endpoint.replace(/\/$/, ""), forcePathStyle: true }
    : { forcePathStyle: false };

  let accounts: AccountConfig[];
  try {
    accounts = parseAccounts(env.SAGEDECK_ACCOUNTS, {
      region: sagemaker.region ?? "us-east-1",
      accountId: env.AWS_ACCOUNT_ID,
    });
  } catch (err) {
    throw new ConfigError(`SAGEDECK_ACCOUNTS is invalid: ${(err as Error).message}.`);
  }

  let autoscaling: AutoscalingPolicy;
  try {
    autoscaling = parseAutoscaling(env.SAGEDECK_AUTOSCALING ?? "");
  } catch (err) {
    throw new ConfigError(
      `SAGEDECK_AUTOSCALING is invalid (${(err as Error).message}): ${ENV_HINTS.SAGEDECK_AUTOSCALING}.`,
    );
  }

  let ops: OpsConfig;
  try {
    ops = parseOps(env);
  } catch (err) {
    throw new ConfigError(
      `METRICS_ALLOW_CIDRS is invalid (${(err as Error).message}): ${ENV_HINTS.METRICS_ALLOW_CIDRS}.`,
    );
  }

  if (env.SAGEMAKER_MODE === "aws" && !env.NEXTAUTH_SECRET) {
    throw new ConfigError(
      "NEXTAUTH_SECRET is required when SAGEMAKER_MODE=aws: set it to a long random string, e.g. `openssl rand -base64 32`.",
    );
  }
  if (env.NEXTAUTH_SECRET !== undefined && env.NEXTAUTH_SECRET.length < 32) {
    throw new ConfigError(
      "NEXTAUTH_SECRET is too short: use at least 32 characters, e.g. `openssl rand -base64 32`.",
    );
  }

  return {
    mode: sagemaker.kind,
    sagemaker,
    accounts,
    s3,
    awsCredentials: Boolean(env.AWS_ACCESS_KEY_ID ?? env.AWS_PROFILE),
    sagemakerCacheTtlMs: env.SAGEMAKER_CACHE_TTL_MS,
    sagemakerTimeoutMs: env.SAGEMAKER_TIMEOUT_MS,
    port: env.PORT,
    emulatorPort: env.EMULATOR_PORT,
    dataDir,
    maturity: {
      groupTag: env.MATURITY_GROUP_TAG,
      nameTag: env.MATURITY_NAME_TAG,
      snapshotMinutes: env.MATURITY_SNAPSHOT_MINUTES,
    },
    approvalParameters: env.APPROVAL_PARAMETERS,
    approveReason: env.SAGEDECK_APPROVE_REASON,
    autoscaling,
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : { kind: "pglite", dir: path.join(dataDir, "pglite") },
    ops,
    auth: {
      secret: env.NEXTAUTH_SECRET ?? resolveSessionSecret(dataDir),
      url: env.NEXTAUTH_URL ?? `http://127.0.0.1:${env.PORT}`,
      demoUsers: sagemaker.kind === "local",
      trustedProxyHops: env.AUTH_TRUSTED_PROXY_HOPS,
      oidc: oidcConfig(env),
    },
  };
}

let cached: Config | undefined;

/** The process-wide configuration (validated once). */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}

/** Hides the password part of a connection string for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
