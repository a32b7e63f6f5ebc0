/**
 * The AWS accounts the emulator knows, their long-term access keys and the IAM roles STS lets callers assume.
 *
 * A request's account is the account of its access key (SigV4 `Credential=<AccessKeyId>/…`): a key listed under
 * an account, a temporary key issued by the emulated STS for a role in it, or — any other key — the home account
 * (`EMULATOR_ACCOUNT_ID`, so every existing key keeps today's behaviour). `EMULATOR_ACCOUNTS` (JSON) replaces the
 * default list below; the home account is always known.
 */
import { ACCOUNT_ID } from "./arn";

export interface RoleConfig {
  name: string;
  /** when set, AssumeRole must pass exactly this ExternalId (the trust policy's `sts:ExternalId` condition) */
  externalId?: string;
  /** IAM's MaxSessionDuration (3600–43200 s, default 3600) */
  maxSessionDuration: number;
  /** accounts whose principals the trust policy admits; absent = every account the emulator knows */
  trustedAccounts?: string[];
}

export interface AccountConfig {
  id: string;
  name: string;
  keys: string[];
  roles: RoleConfig[];
}

export const DEFAULT_ROLE = "SageDeckRole";
export const EXTERNAL_ID_ROLE = "SageDeckRoleWithExternalId";
export const DEFAULT_EXTERNAL_ID = "sagedeck-external-id";

function defaultRoles(): RoleConfig[] {
  return [
    { name: DEFAULT_ROLE, maxSessionDuration: 43200 },
    { name: EXTERNAL_ID_ROLE, externalId: DEFAULT_EXTERNAL_ID, maxSessionDuration: 3600 },
  ];
}

/** development = the home account; staging and production have keys of their own besides their roles. */
export function defaultAccounts(home = ACCOUNT_ID): AccountConfig[] {
  const list: AccountConfig[] = [
    { id: home, name: "development", keys: [], roles: defaultRoles() },
    { id: "222222222222", name: "staging", keys: ["AKIDSAGEDECKSTAGING"], roles: defaultRoles() },
    { id: "333333333333", name: "production", keys: ["AKIDSAGEDECKPRODUCTION"], roles: defaultRoles() },
  ];
  return list.filter((a, i) => i === 0 || a.id !== home);
}

const ACCOUNT_RE = /^\d{12}$/;
const ROLE_RE = /^[\w+=,.@-]{1,64}$/;

function fail(message: string): never {
  throw new Error(`EMULATOR_ACCOUNTS: ${message}`);
}

function parseRole(raw: unknown, where: string): RoleConfig {
  if (typeof raw === "string") raw = { name: raw };
  if (typeof raw !== "object" || raw === null) fail(`${where} must be a role name or an object`);
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== "string" || !ROLE_RE.test(r.name)) fail(`${where}.name must be an IAM role name`);
  const max = r.maxSessionDuration ?? 3600;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 3600 || max > 43200)
    fail(`${where}.maxSessionDuration must be an integer 3600–43200`);
  if (r.externalId !== undefined && typeof r.externalId !== "string")
    fail(`${where}.externalId must be a string`);
  const trusted = r.trustedAccounts;
  if (trusted !== undefined && (!Array.isArray(trusted) || !trusted.every((t) => ACCOUNT_RE.test(String(t)))))
    fail(`${where}.trustedAccounts must be a list of 12-digit account ids`);
  return {
    name: r.name,
    maxSessionDuration: max,
    ...(typeof r.externalId === "string" ? { externalId: r.externalId } : {}),
    ...(trusted ? { trustedAccounts: (trusted as unknown[]).map(String) } : {}),
  };
}

/** Parses `EMULATOR_ACCOUNTS`: `[{"id","name","keys":[…],"roles":["Name" | {"name","externalId",…}]}]`. */
export function parseAccounts(text: string, home = ACCOUNT_ID): AccountConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail("is not JSON (expected a list of accounts)");
  }
  if (!Array.isArray(raw)) fail("must be a JSON list of accounts");
  const list = raw.map((a: unknown, i): AccountConfig => {
    if (typeof a !== "object" || a === null) fail(`[${i}] must be an object`);
    const o = a as Record<string, unknown>;
    const id = typeof o.id === "string" || typeof o.id === "number" ? String(o.id) : "";
    if (!ACCOUNT_RE.test(id)) fail(`[${i}].id '${id}' is not a 12-digit account id`);
    const keys = o.keys ?? [];
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === "string" && k.length >= 1))
      fail(`[${i}].keys must be a list of access key ids`);
    const roles = o.roles === undefined ? defaultRoles() : o.roles;
    if (!Array.isArray(roles)) fail(`[${i}].roles must be a list`);
    return {
      id,
      name: typeof o.name === "string" ? o.name : id,
      keys: keys as string[],
      roles: roles.map((r, j) => parseRole(r, `[${i}].roles[${j}]`)),
    };
  });
  if (new Set(list.map((a) => a.id)).size !== list.length) fail("an account id is listed twice");
  if (!list.some((a) => a.id === home))
    list.unshift({ id: home, name: "home", keys: [], roles: defaultRoles() });
  return list;
}

export class Accounts {
  private readonly byId = new Map<string, AccountConfig>();
  private readonly byKey = new Map<string, string>();

  constructor(
    list: AccountConfig[],
    readonly home = ACCOUNT_ID,
  ) {
    for (const a of list) {
      this.byId.set(a.id, a);
      for (const k of a.keys) this.byKey.set(k, a.id);
    }
  }

  static fromEnv(): Accounts {
    const text = process.env.EMULATOR_ACCOUNTS;
    return new Accounts(text ? parseAccounts(text) : defaultAccounts());
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
  get(id: string): AccountConfig | undefined {
    return this.byId.get(id);
  }
  /** The account of a long-term access key: its configured account, else the home account. */
  accountOfKey(key: string): string {
    return this.byKey.get(key) ?? this.home;
  }
  role(account: string, name: string): RoleConfig | undefined {
    return this.byId.get(account)?.roles.find((r) => r.name === name);
  }
}
