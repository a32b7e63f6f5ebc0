import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Shell } from "@/components/layout/shell";
import { AccountsProvider } from "@/components/ui/account-badge";
import { getSessionUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { discoverAccountId } from "@/lib/sagemaker/account";
import { describeDataSource } from "@/lib/sagemaker/health";

// The proxy already sends anonymous visitors to sign-in; this gate is the second line (no auth by proxy alone).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const config = getConfig();
  const needsAccount = config.sagemaker.kind === "aws" && !config.sagemaker.accountId;
  const dataSource = describeDataSource(config, needsAccount ? await discoverAccountId() : null);
  return (
    <Shell user={user} dataSource={dataSource}>
      {/* names and ids only: which account a resource lives in (badges show when there are several) */}
      <AccountsProvider accounts={config.accounts.map((a) => ({ name: a.name, accountId: a.accountId }))}>
        {children}
      </AccountsProvider>
    </Shell>
  );
}
