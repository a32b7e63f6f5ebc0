import type { Metadata } from "next";
import { TokenManager } from "@/components/tokens/token-manager";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { can, PERMISSION_LABELS, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Service tokens" };

const PERMISSION_CHOICES = (Object.keys(PERMISSIONS) as Permission[]).map((id) => ({
  id,
  label: PERMISSION_LABELS[id],
}));

export default async function ServiceTokensPage() {
  const user = await getSessionUser();
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        title="Service tokens"
        subtitle="Tokens for automation (CI, deploy scripts): they act under their own name (svc:<name>), only with the permissions you give them, and only while their creator may do the same."
      />
      {user && can(user.role, "users.manage") ? (
        <TokenManager kind="service" permissions={PERMISSION_CHOICES} />
      ) : (
        <EmptyState title="Admins only">Ask an admin to create a service token.</EmptyState>
      )}
    </section>
  );
}
