/**
 * Cross-account registry sharing: a version deploys into a stage account by ARN only when its group's resource
 * policy grants that account (lib/sagemaker/registry/sharing.ts). The model group page shows the accounts it does
 * not grant; a promotion into one is refused before anything is written; an admin can grant access (merged into
 * the existing policy), audited as `model.share`.
 */
import type { AccountConfig } from "@/lib/config";
import { recordAudit } from "@/lib/db/audit";
import { ConflictError, isAppError, NotFoundError, PolicyRefusalError } from "@/lib/errors";
import { listAccounts } from "@/lib/sagemaker/accounts/context";
import { getGroupPolicy, putGroupPolicy } from "@/lib/sagemaker/registry/policy";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";
import { policyGrants, withGrant } from "@/lib/sagemaker/registry/sharing";
import type { VerbContext } from "@/lib/verb-context";

export interface AccountSharing {
  account: string;
  accountId: string;
  stages: string[];
  shared: boolean;
}

export interface GroupSharing {
  group: string;
  groupArn: string;
  /** the accounts serving Staging or Production outside the registry's account, and whether the policy grants each */
  accounts: AccountSharing[];
}

const accountOfArn = (arn: string) => arn.split(":")[4] ?? "";

/** Accounts that deploy a group's versions from another account: they hold Staging or Production. */
function stageAccounts(registryAccountId: string): AccountConfig[] {
  return listAccounts().filter(
    (a): a is AccountConfig & { accountId: string } =>
      a.accountId !== undefined &&
      a.accountId !== registryAccountId &&
      a.stages.some((s) => s === "Staging" || s === "Production"),
  );
}

async function groupArnOf(group: string): Promise<string> {
  const g = (await listModelGroups()).find((x) => x.name === group);
  if (!g) throw new NotFoundError(`Model group "${group}" was not found in SageMaker.`);
  return g.arn;
}

/** Which stage accounts the group's policy grants (a probe version ARN stands for every version of the group). */
export async function groupSharing(group: string, fresh = false): Promise<GroupSharing> {
  const groupArn = await groupArnOf(group);
  const policy = await getGroupPolicy(group, fresh);
  const probe = `${groupArn.replace(":model-package-group/", ":model-package/")}/1`;
  return {
    group,
    groupArn,
    accounts: stageAccounts(accountOfArn(groupArn)).map((a) => ({
      account: a.name,
      accountId: a.accountId ?? "",
      stages: a.stages.filter((s) => s !== "Development"),
      shared: policyGrants(policy, a.accountId ?? "", probe),
    })),
  };
}

/**
 * Refuses (422, audited as a refused attempt) a deployment of `packageArn` into `account` when that is another
 * account than the registry's and the group's policy — read now, not from the cache — does not grant it.
 */
export async function assertShared(group: string, packageArn: string, account: AccountConfig): Promise<void> {
  const registry = accountOfArn(packageArn);
  if (!account.accountId || account.accountId === registry) return;
  const policy = await getGroupPolicy(group, true);
  if (policyGrants(policy, account.accountId, packageArn)) return;
  throw new PolicyRefusalError(
    `Model group "${group}" is not shared with the ${account.name} account (${account.accountId}): SageMaker there cannot use ${packageArn}, so nothing was deployed. ` +
      `An admin can use "Grant access" on the model group's page, or add a statement to the group's resource policy that allows arn:aws:iam::${account.accountId}:root sagemaker:DescribeModelPackage on the group's versions (PutModelPackageGroupPolicy).`,
  );
}

/**
 * Grants the stage accounts the group's policy does not grant yet (or `only` those named): the current policy is
 * read fresh and SageDeck's statement merged into it. Audited `model.share` (applied or failed, with the
 * accounts); 409 when every account is already granted.
 */
export async function grantAccess(ctx: VerbContext, group: string, only?: string[]): Promise<GroupSharing> {
  const before = await groupSharing(group, true);
  const missing = before.accounts.filter((a) => !a.shared && (!only || only.includes(a.account)));
  if (only?.some((n) => !before.accounts.some((a) => a.account === n)))
    throw new NotFoundError(
      `Only the stage accounts ${before.accounts.map((a) => a.account).join(", ") || "(none)"} can be granted.`,
    );
  if (missing.length === 0)
    throw new ConflictError(`Model group "${group}" already grants every stage account it deploys to.`);
  const base = {
    actor: ctx.user.username,
    actorRole: ctx.user.role,
    action: "model.share" as const,
    target: `model-group/${group}`,
    requestId: ctx.requestId,
  };
  const details = {
    group,
    accounts: missing.map((a) => `${a.account} (${a.accountId})`),
    to: "PutModelPackageGroupPolicy",
  };
  try {
    const current = await getGroupPolicy(group, true);
    const next = withGrant(
      current,
      before.groupArn,
      missing.map((a) => a.accountId),
    );
    await putGroupPolicy(group, next);
  } catch (err) {
    const message = isAppError(err) ? err.message : "SageMaker did not accept the policy.";
    await recordAudit(ctx.db, { ...base, outcome: "failed", details: { ...details, message } });
    throw err;
  }
  await recordAudit(ctx.db, {
    ...base,
    details: {
      ...details,
      message: `Granted ${details.accounts.join(", ")} access to the group's versions.`,
    },
  });
  return groupSharing(group, true);
}
