/**
 * A model package group's resource policy, evaluated for cross-account access as IAM does for the parts a
 * registry policy uses: statements with Effect Allow/Deny, Principal `*` or `{"AWS": …}` (an account id,
 * `arn:aws:iam::<account>:root`, or a role / assumed-role ARN in that account), Action with `*` wildcards
 * (case-insensitive), Resource with wildcards (absent = the group's resources). An explicit Deny wins.
 * Not evaluated: Condition, NotAction, NotPrincipal, NotResource (a statement using them does not match).
 */
import { validation } from "../../core/errors";

/** Who asks: the calling account and its principal ARN (an assumed-role ARN for role sessions). */
export interface Principal {
  account: string;
  arn?: string;
}

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
  NotAction?: unknown;
  NotPrincipal?: unknown;
  NotResource?: unknown;
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

/** Parses and checks a policy document (JSON object with a Statement); throws SageMaker's ValidationException. */
export function parsePolicy(text: string): Statement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw validation("The resource policy is not valid JSON.");
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw validation("The resource policy must be a JSON object.");
  const raw = (doc as { Statement?: unknown }).Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (statements.length === 0) throw validation("The resource policy has no Statement.");
  for (const s of statements) {
    if (typeof s !== "object" || s === null) throw validation("Each policy Statement must be an object.");
    const st = s as Statement;
    if (st.Effect !== "Allow" && st.Effect !== "Deny")
      throw validation("Each policy Statement needs an Effect of Allow or Deny.");
    if (st.Principal === undefined && st.NotPrincipal === undefined)
      throw validation("A resource policy Statement needs a Principal.");
    if (st.Action === undefined && st.NotAction === undefined)
      throw validation("Each policy Statement needs an Action.");
  }
  return statements as Statement[];
}

function principalMatches(principal: unknown, caller: Principal): boolean {
  if (principal === "*") return true;
  if (typeof principal !== "object" || principal === null) return false;
  const aws = list((principal as { AWS?: unknown }).AWS);
  return aws.some((p) => {
    if (p === "*" || p === caller.account || p === `arn:aws:iam::${caller.account}:root`) return true;
    // a role in the caller's account: matches the role's sessions
    const role = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(p);
    const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(caller.arn ?? "");
    if (role && session) return role[1] === session[1] && role[2] === session[2];
    return p === caller.arn;
  });
}

/** Whether the policy lets `caller` (of another account) perform `action` (e.g. sagemaker:DescribeModelPackage). */
export function policyAllows(
  policy: string | undefined,
  caller: Principal,
  action: string,
  resource: string,
): boolean {
  if (!policy) return false;
  let allowed = false;
  for (const s of parsePolicy(policy)) {
    if (s.Condition !== undefined || s.NotAction !== undefined || s.NotPrincipal !== undefined) continue;
    if (s.NotResource !== undefined) continue;
    if (!principalMatches(s.Principal, caller)) continue;
    if (!list(s.Action).some((a) => glob(a, action, true))) continue;
    const resources = list(s.Resource);
    if (resources.length > 0 && !resources.some((r) => glob(r, resource))) continue;
    if (s.Effect === "Deny") return false;
    allowed = true;
  }
  return allowed;
}
