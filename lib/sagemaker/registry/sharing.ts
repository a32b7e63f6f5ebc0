/**
 * Cross-account registry sharing, read from a model package group's resource policy (pure). Another account
 * can deploy a version by ARN when the policy lets it `sagemaker:DescribeModelPackage` that version: an Allow
 * statement whose Principal names the account (`*`, the id, `arn:aws:iam::<id>:root`, or a role in it), whose
 * Action matches (wildcards, case-insensitive) and whose Resource covers the version (absent = the group's), with
 * no Deny of the same. Statements with a Condition, NotAction, NotPrincipal or NotResource are not counted as
 * granting (SageDeck cannot tell whether they apply), so a doubtful policy shows as "not shared", never the reverse.
 */

export const SHARED_ACTIONS = [
  "sagemaker:DescribeModelPackage",
  "sagemaker:ListModelPackages",
  "sagemaker:DescribeModelPackageGroup",
] as const;

interface Statement {
  Sid?: unknown;
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
  NotAction?: unknown;
  NotPrincipal?: unknown;
  NotResource?: unknown;
}

interface PolicyDocument {
  Version?: unknown;
  Statement?: unknown;
  [k: string]: unknown;
}

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? (v as unknown[]) : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === "string",
  );

function glob(pattern: string, value: string, caseInsensitive = false): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`, caseInsensitive ? "i" : "").test(value);
}

function parse(policy: string | undefined): PolicyDocument | undefined {
  if (!policy) return undefined;
  try {
    const doc: unknown = JSON.parse(policy);
    return typeof doc === "object" && doc !== null && !Array.isArray(doc)
      ? (doc as PolicyDocument)
      : undefined;
  } catch {
    return undefined;
  }
}

function statementsOf(doc: PolicyDocument | undefined): Statement[] {
  const raw = doc?.Statement;
  const all = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  return all.filter((s): s is Statement => typeof s === "object" && s !== null);
}

function namesAccount(principal: unknown, accountId: string): boolean {
  if (principal === "*") return true;
  if (typeof principal !== "object" || principal === null) return false;
  return list((principal as { AWS?: unknown }).AWS).some(
    (p) =>
      p === "*" || p === accountId || new RegExp(`^arn:aws[\\w-]*:iam::${accountId}:(root|role/.+)$`).test(p),
  );
}

/** Whether the policy lets `accountId` describe (and so deploy) `packageArn` of the group. */
export function policyGrants(policy: string | undefined, accountId: string, packageArn: string): boolean {
  let allowed = false;
  for (const s of statementsOf(parse(policy))) {
    if (s.NotAction !== undefined || s.NotPrincipal !== undefined || s.NotResource !== undefined) continue;
    if (!namesAccount(s.Principal, accountId)) continue;
    if (!list(s.Action).some((a) => glob(a, SHARED_ACTIONS[0], true))) continue;
    const resources = list(s.Resource);
    if (resources.length > 0 && !resources.some((r) => glob(r, packageArn))) continue;
    if (s.Effect === "Deny") return false;
    if (s.Effect === "Allow" && s.Condition === undefined) allowed = true;
  }
  return allowed;
}

/** The Sid of the statement SageDeck adds for an account (one per account, so a grant can be found again). */
export const grantSid = (accountId: string) => `SageDeckShareWith${accountId}`;

/**
 * The group's policy with a statement granting `accountIds` what a cross-account deployment needs, merged into
 * the existing document: other statements are kept as they are; SageDeck's own statement for an account is
 * replaced, not duplicated.
 */
export function withGrant(policy: string | undefined, groupArn: string, accountIds: string[]): string {
  const doc = parse(policy) ?? {};
  const ids = new Set(accountIds);
  const kept = statementsOf(doc).filter((s) => ![...ids].some((id) => s.Sid === grantSid(id)));
  const packages = `${groupArn.replace(":model-package-group/", ":model-package/")}/*`;
  const partition = groupArn.split(":")[1] || "aws";
  const added = [...ids].sort().map((id) => ({
    Sid: grantSid(id),
    Effect: "Allow",
    Principal: { AWS: `arn:${partition}:iam::${id}:root` },
    Action: [...SHARED_ACTIONS],
    Resource: [groupArn, packages],
  }));
  return JSON.stringify({ ...doc, Version: doc.Version ?? "2012-10-17", Statement: [...kept, ...added] });
}
