import { z } from "zod";

/** The deployment stages an account can serve. */
export const ACCOUNT_STAGES = ["Development", "Staging", "Production"] as const;
export type AccountStage = (typeof ACCOUNT_STAGES)[number];

/** One AWS account SageDeck works in. */
export interface AccountConfig {
  /** short name shown on badges and used in links and cache keys: development, staging, production… */
  name: string;
  /** 12-digit id; undefined only for a single home account whose id is discovered */
  accountId: string | undefined;
  region: string;
  /** the role to assume from the dashboard's own credentials; undefined = the home account (default chain) */
  roleArn: string | undefined;
  externalId: string | undefined;
  /**
   * the role models deployed here run as (CreateModel's ExecutionRoleArn); unset = the role of the model the
   * endpoint serves, else `SageMakerExecutionRole` in this account
   */
  executionRoleArn?: string;
  /** the stages whose endpoints live here (a stage not assigned to any account lives in the home account) */
  stages: AccountStage[];
  home: boolean;
}

/** AWS's public regions (commercial, GovCloud, China): a typo is named at start, not found at the first call. */
export const KNOWN_REGIONS = new Set([
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1",
  "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
  "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ca-central-1", "ca-west-1",
  "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2",
  "eu-north-1", "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1", "us-gov-east-1",
  "us-gov-west-1", "cn-north-1", "cn-northwest-1",
]); // prettier-ignore

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512}$/;

const AccountEntry = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "use a lowercase name such as production"),
    accountId: z.string().regex(/^\d{12}$/, "use the 12-digit account id"),
    region: z.string().optional(),
    roleArn: z.string().regex(ROLE_ARN, "use an IAM role ARN, arn:aws:iam::<account>:role/<name>").optional(),
    externalId: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/)
      .optional(),
    executionRoleArn: z
      .string()
      .regex(ROLE_ARN, "use an IAM role ARN, arn:aws:iam::<account>:role/<name>")
      .optional(),
    stages: z.array(z.enum(ACCOUNT_STAGES)).default([]),
  })
  .strict();

/**
 * `SAGEDECK_ACCOUNTS` (a JSON list) → the validated accounts. Unset → one home account: today's behaviour.
 * Exactly one account has no role (the home account, reached with the dashboard's own credentials); each stage
 * belongs to at most one account. Throws an Error whose one-line message names the entry and the fix.
 */
export function parseAccounts(
  raw: string | undefined,
  home: { region: string; accountId: string | undefined },
): AccountConfig[] {
  if (raw === undefined || raw.trim() === "")
    return [
      {
        name: "home",
        accountId: home.accountId,
        region: home.region,
        roleArn: undefined,
        externalId: undefined,
        stages: [...ACCOUNT_STAGES],
        home: true,
      },
    ];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('it is not JSON: use a list such as [{"name":"production","accountId":"…",…}]');
  }
  if (!Array.isArray(json) || json.length === 0) throw new Error("use a non-empty JSON list of accounts");
  const accounts = json.map((entry, i): AccountConfig => {
    const parsed = AccountEntry.safeParse(entry);
    const label =
      typeof (entry as { name?: unknown })?.name === "string"
        ? `"${(entry as { name: string }).name}"`
        : `#${i + 1}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `account ${label}: ${issue?.path.join(".") || "entry"} is invalid (${issue?.message ?? "bad value"})`,
      );
    }
    const a = parsed.data;
    const region = a.region ?? home.region;
    if (!KNOWN_REGIONS.has(region)) throw new Error(`account ${label}: unknown region "${region}"`);
    const roleAccount = a.roleArn ? ROLE_ARN.exec(a.roleArn)?.[1] : undefined;
    if (roleAccount && roleAccount !== a.accountId)
      throw new Error(`account ${label}: role ${a.roleArn} is in account ${roleAccount}, not ${a.accountId}`);
    if (a.externalId && !a.roleArn) throw new Error(`account ${label}: externalId needs a roleArn`);
    const execAccount = a.executionRoleArn ? ROLE_ARN.exec(a.executionRoleArn)?.[1] : undefined;
    if (execAccount && execAccount !== a.accountId)
      throw new Error(
        `account ${label}: executionRoleArn ${a.executionRoleArn} is in account ${execAccount}, not ${a.accountId} (models run as a role of their own account)`,
      );
    return {
      name: a.name,
      accountId: a.accountId,
      region,
      roleArn: a.roleArn,
      externalId: a.externalId,
      ...(a.executionRoleArn ? { executionRoleArn: a.executionRoleArn } : {}),
      stages: [...new Set(a.stages)],
      home: !a.roleArn,
    };
  });
  const homes = accounts.filter((a) => a.home);
  if (homes.length !== 1)
    throw new Error(
      `exactly one account must have no roleArn (the home account, reached with SageDeck's own credentials); found ${homes.length}`,
    );
  for (const key of ["name", "accountId"] as const) {
    const seen = new Set<string | undefined>();
    for (const a of accounts) {
      if (seen.has(a[key])) throw new Error(`${key} "${a[key]}" appears twice`);
      seen.add(a[key]);
    }
  }
  for (const stage of ACCOUNT_STAGES) {
    const holders = accounts.filter((a) => a.stages.includes(stage));
    if (holders.length > 1)
      throw new Error(
        `stage ${stage} is assigned to ${holders.map((a) => a.name).join(" and ")}: give it to one account`,
      );
    if (holders.length === 0) homes[0]?.stages.push(stage);
  }
  return accounts;
}
