import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountsTable } from "@/components/settings/accounts-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { accountsForSettings } from "@/lib/sagemaker/accounts/settings";

export const metadata: Metadata = { title: "Accounts" };
export const dynamic = "force-dynamic";

export default async function AccountsSettingsPage() {
  const user = await getSessionUser();
  // the (dashboard) layout signs people in first; the page is for admins only (as its API)
  if (!user || !can(user.role, "settings.read")) notFound();
  const accounts = await accountsForSettings();
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        title="AWS accounts"
        subtitle="The accounts SageDeck works in (SAGEDECK_ACCOUNTS), how it reaches each, whether it can now, who it is there, and the last error it met. Checked at most every 10 seconds by this instance."
      />
      <AccountsTable accounts={accounts} />
    </section>
  );
}
