/**
 * Cross-account registry sharing: a version deploys into a stage account by ARN only when its group's resource
 * policy grants that account (lib/sagemaker/registry/sharing.ts). The model group page shows the accounts it does
 * not grant; "Promote to <stage>" is offered disabled with the reason; a promotion into one is refused before
 * anything is written; an admin can grant access (grant.ts: merged into the existing policy, intent → call →
 * outcome, audited as `model.share`).
 */
import type { AccountConfig } from "@/lib/config";
import { NotFoundError, PolicyRefusalError } from "@/lib/errors";
import { accountForStage, findAccount, listAccounts } from "@/lib/sagemaker/accounts/context";
import { getGroupPolicy } from "@/lib/sagemaker/registry/policy";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";
import { policyGrants } from "@/lib/sagemaker/registry/sharing";

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

export type PromotionStage = "Staging" | "Production";
/** A stage whose deployment account the group's policy does not grant. */
export interface UnsharedTarget {
  account: string;
  accountId: string;
}

/** The account a promotion to `stage` deploys into: the one holding its endpoint, else the stage's account. */
export const targetAccountOf = (stage: PromotionStage, endpointAccount?: string): AccountConfig =>
  (endpointAccount ? findAccount(endpointAccount) : undefined) ?? accountForStage(stage);

/**
 * For the version page: the stages whose target account (as assertShared will check it on click) the group's
 * policy does not grant for `packageArn` — read through the cache; the verb re-reads it fresh.
 */
export async function unsharedTargets(
  group: string,
  packageArn: string,
  endpointAccounts: Partial<Record<PromotionStage, string | undefined>>,
): Promise<Partial<Record<PromotionStage, UnsharedTarget>>> {
  const registry = accountOfArn(packageArn);
  const stages: PromotionStage[] = ["Staging", "Production"];
  const targets = stages.map((s) => [s, targetAccountOf(s, endpointAccounts[s])] as const);
  if (targets.every(([, a]) => !a.accountId || a.accountId === registry)) return {};
  const policy = await getGroupPolicy(group);
  const out: Partial<Record<PromotionStage, UnsharedTarget>> = {};
  for (const [stage, a] of targets) {
    if (!a.accountId || a.accountId === registry || policyGrants(policy, a.accountId, packageArn)) continue;
    out[stage] = { account: a.name, accountId: a.accountId };
  }
  return out;
}
