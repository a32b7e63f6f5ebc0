/**
 * Whether each configured account is reachable now, who SageDeck is there, and the last error it met there
 * (a refused role at start or at a probe, or a read that failed in that account). Per process: each instance
 * has its own credentials and network path, so its own view is the one that matters for its readiness.
 */
import type { AccountConfig } from "@/lib/config";
import { listAccounts } from "./context";
import { callerIdentity, type CallerIdentity } from "./identity";

export interface AccountError {
  code: string;
  message: string;
  at: number;
}

export interface AccountStatus {
  name: string;
  accountId: string | undefined;
  region: string;
  stages: string[];
  home: boolean;
  /** how SageDeck reaches it: its own credentials (home) or by assuming a role */
  reachedBy: { kind: "home" } | { kind: "role"; roleArn: string; externalIdSet: boolean };
  /** null until the first check */
  reachable: boolean | null;
  checkedAt?: number;
  identity?: CallerIdentity;
  lastError?: AccountError;
}

interface Observed {
  reachable: boolean | null;
  checkedAt?: number;
  identity?: CallerIdentity;
  lastError?: AccountError;
}

const globalForStatus = globalThis as unknown as {
  sagedeckAccountStatus?: Map<string, Observed>;
  sagedeckAccountProbe?: { at: number; result: Promise<void> };
};
const observed = () => (globalForStatus.sagedeckAccountStatus ??= new Map<string, Observed>());
const get = (name: string): Observed => observed().get(name) ?? { reachable: null };

/** "account production (333333333333)" */
export function accountLabel(account: AccountConfig): string {
  return `account ${account.name}${account.accountId ? ` (${account.accountId})` : ""}`;
}

/** Remembers a failure met in an account (a read through `acrossAccounts`, a probe, the start-up check). */
export function recordAccountError(
  name: string,
  error: { code: string; message: string },
  at = Date.now(),
): void {
  observed().set(name, { ...get(name), lastError: { code: error.code, message: error.message, at } });
}

/**
 * Checks one account now (AssumeRole when it has a role, then GetCallerIdentity) and records the outcome.
 * Returns the one-line description of a failure, or null when reachable.
 */
export async function probeAccount(account: AccountConfig): Promise<string | null> {
  const r = await callerIdentity(account);
  const at = Date.now();
  if (r.ok) {
    observed().set(account.name, {
      ...get(account.name),
      reachable: true,
      checkedAt: at,
      identity: r.identity,
    });
    return null;
  }
  const line =
    r.step === "assume-role"
      ? `${accountLabel(account)}: cannot assume ${account.roleArn ?? "its role"} — ${r.code}: ${r.message}`
      : `${accountLabel(account)}: STS GetCallerIdentity failed — ${r.code}: ${r.message}`;
  observed().set(account.name, {
    ...get(account.name),
    reachable: false,
    checkedAt: at,
    lastError: { code: r.code, message: line, at },
  });
  return line;
}

/** Every account checked at most once per `maxAgeMs`; concurrent callers share the probe in flight. */
export async function probeAccounts(maxAgeMs: number, now = Date.now()): Promise<void> {
  const last = globalForStatus.sagedeckAccountProbe;
  if (!last || now - last.at >= maxAgeMs) {
    const result = Promise.all(listAccounts().map((a) => probeAccount(a))).then(() => undefined);
    globalForStatus.sagedeckAccountProbe = { at: now, result };
  }
  return globalForStatus.sagedeckAccountProbe?.result;
}

/** The configured accounts with what this process last observed; never the external id itself. */
export function accountStatuses(accounts: AccountConfig[] = listAccounts()): AccountStatus[] {
  return accounts.map((a) => {
    const seen = get(a.name);
    return {
      name: a.name,
      accountId: a.accountId,
      region: a.region,
      stages: [...a.stages],
      home: a.home,
      reachedBy: a.roleArn
        ? { kind: "role", roleArn: a.roleArn, externalIdSet: !!a.externalId }
        : { kind: "home" },
      reachable: seen.reachable,
      ...(seen.checkedAt !== undefined ? { checkedAt: seen.checkedAt } : {}),
      ...(seen.identity ? { identity: seen.identity } : {}),
      ...(seen.lastError ? { lastError: seen.lastError } : {}),
    };
  });
}

/** Forgets every observation (tests). */
export function resetAccountStatus(): void {
  observed().clear();
  globalForStatus.sagedeckAccountProbe = undefined;
}

/**
 * Start-up: every account other than home is checked once. A role that cannot be assumed is logged as one
 * line naming the account and the role, and shown on the settings page; the app starts regardless.
 */
export async function validateAccountsAtStart(log: Pick<Console, "log" | "error"> = console): Promise<void> {
  const others = listAccounts().filter((a) => !a.home);
  if (others.length === 0) return;
  const lines = await Promise.all(others.map((a) => probeAccount(a)));
  for (const line of lines) if (line) log.error(`[accounts] ${line}`);
  const ok = others.filter((_, i) => lines[i] === null).map((a) => a.name);
  if (ok.length) log.log(`[accounts] reachable: ${ok.join(", ")}`);
}
