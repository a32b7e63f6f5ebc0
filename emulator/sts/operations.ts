/**
 * STS AssumeRole and GetCallerIdentity. Roles come from the accounts configuration (core/accounts.ts): a role
 * ARN in an account the emulator does not know, a role it does not define, a caller its trust does not admit, or
 * a missing/wrong ExternalId are all STS's AccessDenied ("User: … is not authorized to perform: sts:AssumeRole on
 * resource: …"), as AWS words them without telling which condition failed.
 */
import type { Accounts } from "../core/accounts";
import { issueCredentials, roleId, type Caller } from "../core/caller";
import { accessDenied, StsError, stsValidation, type XmlObject } from "./query";

const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

type Params = Record<string, string>;

/** STS's "N validation error(s) detected: Value 'v' at 'member' failed to satisfy constraint: …". */
function constraints(params: Params): string[] {
  const out: string[] = [];
  const text = (member: string, key: string, min: number, max: number, pattern?: RegExp, shown?: string) => {
    const v = params[key];
    if (v === undefined) return;
    if ([...v].length < min)
      out.push(
        `Value '${v}' at '${member}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`,
      );
    if ([...v].length > max)
      out.push(
        `Value '${v}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      );
    if (pattern && !pattern.test(v))
      out.push(
        `Value '${v}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shown}`,
      );
  };
  text("roleArn", "RoleArn", 20, 2048);
  text("roleSessionName", "RoleSessionName", 2, 64, SESSION_NAME, "[\\w+=,.@-]*");
  text("externalId", "ExternalId", 2, 1224, EXTERNAL_ID, "[\\w+=,.@:\\/-]*");
  text("sourceIdentity", "SourceIdentity", 2, 64, SESSION_NAME, "[\\w+=,.@-]*");
  const d = params.DurationSeconds;
  if (d !== undefined) {
    const n = Number(d);
    if (!Number.isInteger(n))
      out.push(`Value '${d}' at 'durationSeconds' failed to satisfy constraint: Member must be an integer`);
    else if (n < 900)
      out.push(
        `Value '${d}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`,
      );
    else if (n > 43200)
      out.push(
        `Value '${d}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200`,
      );
  }
  return out;
}

function validate(params: Params): void {
  for (const required of ["RoleArn", "RoleSessionName"])
    if (params[required] === undefined)
      throw new StsError("MissingParameter", `The request must contain the parameter ${required}`);
  const problems = constraints(params);
  if (problems.length)
    throw stsValidation(
      `${problems.length} validation error${problems.length > 1 ? "s" : ""} detected: ${problems.join("; ")}`,
    );
  if (params.SourceIdentity?.startsWith("aws:"))
    throw stsValidation("SourceIdentity cannot begin with the reserved prefix 'aws:'.");
}

export function assumeRole(
  accounts: Accounts,
  caller: Caller,
  params: Params,
  nowMs = Date.now(),
): XmlObject {
  validate(params);
  const roleArn = params.RoleArn!;
  const m = ROLE_ARN.exec(roleArn);
  if (!m) throw stsValidation("Request ARN is invalid");
  const [, account, roleName] = m as unknown as [string, string, string];
  const denied = () =>
    accessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  const role = accounts.get(account) ? accounts.role(account, roleName) : undefined;
  if (!role) throw denied();
  if (role.trustedAccounts && !role.trustedAccounts.includes(caller.account)) throw denied();
  if (role.externalId !== undefined && params.ExternalId !== role.externalId) throw denied();
  // a session's SourceIdentity is set once and carried through role chaining
  const inherited = caller.session?.sourceIdentity;
  if (inherited && params.SourceIdentity && params.SourceIdentity !== inherited) throw denied();
  const duration = params.DurationSeconds === undefined ? 3600 : Number(params.DurationSeconds);
  if (caller.session && duration > 3600)
    throw stsValidation(
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
  if (duration > role.maxSessionDuration)
    throw stsValidation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  const session = params.RoleSessionName!;
  const sourceIdentity = params.SourceIdentity ?? inherited;
  const exp = Math.floor(nowMs / 1000) + duration;
  const creds = issueCredentials({
    account,
    role: roleName,
    session,
    exp,
    ...(sourceIdentity ? { sourceIdentity } : {}),
  });
  return {
    Credentials: { ...creds, Expiration: new Date(exp * 1000) },
    AssumedRoleUser: {
      AssumedRoleId: `${roleId(account, roleName)}:${session}`,
      Arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`,
    },
    ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}),
  };
}

export function getCallerIdentity(caller: Caller): XmlObject {
  return { UserId: caller.userId, Account: caller.account, Arn: caller.arn };
}
