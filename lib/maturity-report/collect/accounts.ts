/**
 * Reads over every configured account for the collector: an account that cannot be read makes the whole
 * source unknown with that account's error as the reason (its endpoints might be any solution's), never a
 * source that silently lacks them — so the checks that need it are Unknown, not a false Fail.
 */
import { listAccounts } from "@/lib/sagemaker/accounts/context";
import { acrossAccounts, splitResults, type AccountFailure } from "@/lib/sagemaker/accounts/fan-out";
import type { AccountConfig } from "@/lib/config";

/** "account production (333333333333): AccessDenied …"; with one account, the error alone (as before). */
export function failureReason(failures: AccountFailure[], accounts: AccountConfig[]): string {
  if (accounts.length <= 1) return failures.map((f) => f.message).join("; ");
  return failures
    .map((f) => {
      const id = accounts.find((a) => a.name === f.account)?.accountId;
      return `account ${f.account}${id ? ` (${id})` : ""} could not be read: ${f.message}`;
    })
    .join("; ");
}

/** Throws when any account failed, naming each; else every account's items, each tagged with its account. */
export function allOrFail<T>(
  result: { items: T[]; failures: AccountFailure[] },
  accounts: AccountConfig[] = listAccounts(),
): T[] {
  if (result.failures.length > 0) throw new Error(failureReason(result.failures, accounts));
  return result.items;
}

/** `read` in every account (in parallel), each item tagged with its account's name; any failure throws. */
export async function everyAccount<T>(read: () => Promise<T[]>): Promise<(T & { account: string })[]> {
  const results = await acrossAccounts(async (a) =>
    (await read()).map((item) => ({ ...item, account: a.name })),
  );
  return allOrFail(splitResults(results));
}

/** Account id → configured name, for evidence that names accounts ("production (333333333333)"). */
export function accountNames(accounts: AccountConfig[] = listAccounts()): Record<string, string> {
  return Object.fromEntries(accounts.flatMap((a) => (a.accountId ? [[a.accountId, a.name]] : [])));
}
