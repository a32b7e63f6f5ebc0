import { isAppError } from "@/lib/errors";
import type { AccountConfig } from "@/lib/config";
import { inAccount, listAccounts } from "./context";
import { recordAccountError } from "./status";

/** One account's share of a read over several accounts: its value, or its own error (never the whole page's). */
export type AccountResult<T> =
  | { account: string; ok: true; value: T }
  | { account: string; ok: false; error: { code: string; message: string } };

export interface AccountFailure {
  account: string;
  code: string;
  message: string;
}

/** Runs `read` in every account (in parallel); a failing account is reported as such, the others still answer. */
export async function acrossAccounts<T>(
  read: (account: AccountConfig) => Promise<T>,
  accounts: AccountConfig[] = listAccounts(),
): Promise<AccountResult<T>[]> {
  return Promise.all(
    accounts.map(async (account): Promise<AccountResult<T>> => {
      try {
        return { account: account.name, ok: true, value: await inAccount(account, () => read(account)) };
      } catch (err) {
        const error = isAppError(err)
          ? { code: err.code, message: err.message }
          : { code: "unavailable", message: err instanceof Error ? err.message : String(err) };
        recordAccountError(account.name, error); // the settings page shows an account's last error
        return { account: account.name, ok: false, error };
      }
    }),
  );
}

/** Flattens per-account lists: every value tagged by the caller, and the failures beside them. */
export function splitResults<T>(results: AccountResult<T[]>[]): { items: T[]; failures: AccountFailure[] } {
  const items: T[] = [];
  const failures: AccountFailure[] = [];
  for (const r of results) {
    if (r.ok) items.push(...r.value);
    else failures.push({ account: r.account, ...r.error });
  }
  return { items, failures };
}
