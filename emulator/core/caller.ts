/**
 * Who is calling, from the request's SigV4 credentials (the signature itself is not verified):
 * a long-term access key → its account (Accounts); temporary credentials from the emulated STS → the assumed
 * role's account and session. Temporary credentials are self-contained: the session token (sent as
 * `X-Amz-Security-Token`) is an HMAC-signed description of the session, so they survive restarts and resets.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Accounts } from "./accounts";
import type { UserContext } from "./context";

const SECRET = process.env.EMULATOR_TOKEN_SECRET ?? "sagedeck-emulator-token-secret";

export interface Session {
  /** the temporary access key id (ASIA…) the token belongs to */
  k: string;
  account: string;
  role: string;
  session: string;
  sourceIdentity?: string;
  /** expiration, epoch seconds */
  exp: number;
}

export interface Caller {
  account: string;
  accessKeyId: string;
  /** GetCallerIdentity's Arn */
  arn: string;
  /** GetCallerIdentity's UserId (the PrincipalId SageMaker records) */
  userId: string;
  /** set for temporary credentials */
  session?: Session;
}

/** Why credentials were refused; each protocol words it its own way. */
export class CredentialsError extends Error {
  constructor(readonly kind: "invalid" | "expired" | "missing") {
    super(kind);
  }
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function randomText(n: number, alphabet = ALNUM): string {
  return [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join("");
}

/** A role's unique id (AROA…), stable per account and role as IAM's is. */
export function roleId(account: string, role: string): string {
  const h = createHmac("sha256", SECRET).update(`${account}/${role}`).digest();
  return `AROA${[...h.subarray(0, 17)].map((b) => ALNUM[b % ALNUM.length]).join("")}`;
}

function sign(payload: string): string {
  return createHmac("sha256", SECRET).update(payload).digest("base64url");
}

/** New temporary credentials for a session. */
export function issueCredentials(s: Omit<Session, "k">): {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
} {
  const k = `ASIA${randomText(16)}`;
  const payload = Buffer.from(JSON.stringify({ ...s, k })).toString("base64url");
  return {
    AccessKeyId: k,
    SecretAccessKey: randomText(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
    SessionToken: `EMU${payload}.${sign(payload)}`,
  };
}

function decodeToken(token: string, key: string): Session {
  const m = /^EMU([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!m || sign(m[1]!) !== m[2]) throw new CredentialsError("invalid");
  const s = JSON.parse(Buffer.from(m[1]!, "base64url").toString("utf8")) as Session;
  if (s.k !== key) throw new CredentialsError("invalid");
  return s;
}

export function accessKeyOf(authorization: string | undefined): string | undefined {
  const m = authorization ? /Credential=([^/,\s]+)\//.exec(authorization) : null;
  return m?.[1];
}

/**
 * The caller of a request. Without an Authorization header the caller is anonymous in the home account (the
 * protocols refuse such requests before acting). Throws CredentialsError for a forged, foreign or expired token.
 */
export function resolveCaller(
  accounts: Accounts,
  authorization: string | undefined,
  securityToken: string | string[] | undefined,
  nowSeconds = Date.now() / 1000,
): Caller {
  const key = accessKeyOf(authorization) ?? "anonymous";
  const token = Array.isArray(securityToken) ? securityToken[0] : securityToken;
  if (token) {
    const s = decodeToken(token, key);
    if (s.exp <= nowSeconds) throw new CredentialsError("expired");
    return {
      account: s.account,
      accessKeyId: key,
      arn: `arn:aws:sts::${s.account}:assumed-role/${s.role}/${s.session}`,
      userId: `${roleId(s.account, s.role)}:${s.session}`,
      session: s,
    };
  }
  if (key.startsWith("ASIA") && key.length === 20) throw new CredentialsError("invalid");
  const account = accounts.accountOfKey(key);
  // long-term keys: the identity the emulator always recorded (a SageDeckRole session named after the key)
  return {
    account,
    accessKeyId: key,
    arn: `arn:aws:sts::${account}:assumed-role/SageDeckRole/${key}`,
    userId: `AROA${key
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "")
      .slice(0, 16)
      .padEnd(16, "X")}:${key}`,
  };
}

/** SageMaker's CreatedBy/LastModifiedBy for a caller: the role session (and SourceIdentity), as CloudTrail shows. */
export function userContextOf(caller: Caller): UserContext {
  return {
    IamIdentity: {
      Arn: caller.arn,
      PrincipalId: caller.userId,
      ...(caller.session?.sourceIdentity ? { SourceIdentity: caller.session.sourceIdentity } : {}),
    },
  };
}
