import { z } from "zod";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const port = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(fallback));

/** A SageMaker tag key (1–128 characters, AWS's tag-key alphabet). */
const tagKey = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(128)
      .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u)
      .default(fallback),
  );

/** Comma-separated pipeline parameter names (SageMaker's parameter-name alphabet), at least one. */
const parameterNames = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(fallback)
      .transform((s) => [...new Set(s.split(",").map((n) => n.trim()))])
      .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/)).min(1)),
  );

/** Raw environment as SageDeck reads it. Everything is optional: local mode needs no configuration. */
export const EnvSchema = z.object({
  SAGEMAKER_MODE: z.preprocess(emptyToUndefined, z.enum(["local", "aws"]).default("local")),
  SAGEMAKER_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  S3_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  AWS_REGION: optionalString,
  AWS_DEFAULT_REGION: optionalString,
  /** only whether they are set: with a custom endpoint they mean "sign with the credential chain" */
  AWS_ACCESS_KEY_ID: optionalString,
  AWS_PROFILE: optionalString,
  AWS_ACCOUNT_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
  ),
  /** JSON list of the AWS accounts SageDeck works in (lib/config/accounts.ts); unset = the home account only */
  SAGEDECK_ACCOUNTS: optionalString,
  EMULATOR_PORT: port(4599),
  PORT: port(3000),
  SAGEDECK_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//)
      .optional(),
  ),
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString,
  AUTH_OIDC_ISSUER: z.preprocess(emptyToUndefined, z.url().optional()),
  AUTH_OIDC_CLIENT_ID: optionalString,
  AUTH_OIDC_CLIENT_SECRET: optionalString,
  AUTH_OIDC_GROUPS_CLAIM: z.preprocess(emptyToUndefined, z.string().default("groups")),
  AUTH_ROLE_MAP: optionalString,
  AUTH_TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  SAGEMAKER_CACHE_TTL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(15_000)),
  SAGEMAKER_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(10_000)),
  MATURITY_GROUP_TAG: tagKey("team"),
  MATURITY_NAME_TAG: tagKey("sagedeck:solution-name"),
  APPROVAL_PARAMETERS: parameterNames("ModelApprovalStatus"),
  /** whether approving a version (and a deploy gate) needs a written reason: `required` (default) or `optional` */
  SAGEDECK_APPROVE_REASON: z.preprocess(
    emptyToUndefined,
    z.enum(["required", "optional"]).default("required"),
  ),
  /** the autoscaling policy of production deployments, `min=1,max=4,target=70` (lib/config/autoscaling.ts) */
  SAGEDECK_AUTOSCALING: optionalString,
  MATURITY_SNAPSHOT_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(60),
  ),
  /** operations (lib/config/ops.ts): /api/metrics access, request logs, graceful shutdown */
  METRICS_TOKEN: optionalString,
  METRICS_ALLOW_CIDRS: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1/32,::1/128")),
  LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(["text", "json"]).default("text")),
  SHUTDOWN_DRAIN_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(300_000).default(5_000),
  ),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1_000).max(600_000).default(25_000),
  ),
  ANSWER_CACHE_TTL_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(10_000).default(1_000),
  ),
});
export type Env = z.infer<typeof EnvSchema>;

/** Names of the variables, so messages can name the one that is wrong. */
export const ENV_HINTS: Partial<Record<keyof Env, string>> = {
  SAGEMAKER_MODE: 'use "local" (default, the emulator) or "aws"',
  SAGEMAKER_ENDPOINT: "use a full URL such as http://127.0.0.1:4599",
  S3_ENDPOINT: "use a full URL such as http://127.0.0.1:9000 (an S3-compatible endpoint, path-style)",
  AWS_ACCOUNT_ID: "use the 12-digit account id",
  EMULATOR_PORT: "use a port number 1-65535",
  PORT: "use a port number 1-65535",
  DATABASE_URL: "use postgres://user:password@host:5432/database",
  MATURITY_GROUP_TAG: "use a tag key (letters, digits, spaces and _.:/=+-@, at most 128)",
  MATURITY_NAME_TAG: "use a tag key (letters, digits, spaces and _.:/=+-@, at most 128)",
  APPROVAL_PARAMETERS:
    "use pipeline parameter names separated by commas (letters, digits, _ and -), e.g. ModelApprovalStatus",
  SAGEDECK_APPROVE_REASON: 'use "required" (default: approving needs a written reason) or "optional"',
  MATURITY_SNAPSHOT_MINUTES:
    "use whole minutes between snapshots, e.g. 60, or 0 to disable (at most 10080, a week)",
  AUTH_TRUSTED_PROXY_HOPS:
    "use the number of reverse proxies in front of SageDeck that append X-Forwarded-For (0-10)",
  SAGEDECK_AUTOSCALING:
    "use min=N,max=N,target=N (instances 1-100, max ≥ min; target invocations per instance per minute > 0)",
  AUTH_OIDC_ISSUER: "use the issuer URL, e.g. https://login.example.com/realms/ml",
  METRICS_ALLOW_CIDRS: "use address ranges separated by commas, e.g. 127.0.0.1/32,::1/128,10.0.0.0/8",
  LOG_FORMAT: 'use "text" (default) or "json" (one JSON object per line)',
  SHUTDOWN_DRAIN_MS: "use milliseconds (0-300000) that readiness fails before the server stops accepting",
  SHUTDOWN_TIMEOUT_MS: "use milliseconds (1000-600000): the bound on a graceful shutdown",
  ANSWER_CACHE_TTL_MS:
    "use milliseconds (0-10000) the production server may answer a repeated read from its answer cache, 0 to disable",
};
