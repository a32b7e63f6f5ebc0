import { accountStatuses, probeAccounts, type AccountStatus } from "./status";

/** How old a reachability check may be on the settings page (the same 10 s as the health probe). */
export const SETTINGS_PROBE_MAX_AGE_MS = 10_000;

/** The settings page's view: every configured account, checked at most every 10 s (shared with health). */
export async function accountsForSettings(): Promise<AccountStatus[]> {
  await probeAccounts(SETTINGS_PROBE_MAX_AGE_MS);
  return accountStatuses();
}
