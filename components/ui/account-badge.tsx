"use client";

import Link from "next/link";
import { createContext, useContext, type ReactNode } from "react";
import { endpointRoutes } from "@/lib/routes";

/** A configured AWS account as the browser may know it: its name and 12-digit id (no roles, no secrets). */
export interface AccountInfo {
  name: string;
  accountId?: string;
}

const AccountsContext = createContext<readonly AccountInfo[]>([]);

/** The configured accounts, given once by the dashboard layout (server side, from the configuration). */
export function AccountsProvider({ accounts, children }: { accounts: AccountInfo[]; children: ReactNode }) {
  return <AccountsContext.Provider value={accounts}>{children}</AccountsContext.Provider>;
}

export function useAccounts(): readonly AccountInfo[] {
  return useContext(AccountsContext);
}

/** More than one account configured: resources show which account they live in. */
export function useMultiAccount(): boolean {
  return useAccounts().length > 1;
}

/**
 * The account a resource lives in, as a small pill linking to that account's endpoints. Renders nothing when
 * only one account is configured (the single-account UI stays as it was).
 */
export function AccountBadge({ account, link = true }: { account: string | undefined; link?: boolean }) {
  const accounts = useAccounts();
  if (accounts.length <= 1 || !account) return null;
  const id = accounts.find((a) => a.name === account)?.accountId;
  const label = id ? `Account ${account} (${id})` : `Account ${account}`;
  const pill = (
    <span
      title={label}
      data-testid="account-badge"
      data-account={account}
      className="inline-flex items-center rounded border border-violet-200 bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:border-violet-900 dark:bg-violet-950 dark:text-violet-300"
    >
      <span className="sr-only">Account </span>
      {account}
    </span>
  );
  if (!link) return pill;
  return (
    <Link href={endpointRoutes.list({ account })} aria-label={`${label}: its endpoints`}>
      {pill}
    </Link>
  );
}
