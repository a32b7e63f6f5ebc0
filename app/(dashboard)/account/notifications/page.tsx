import type { Metadata } from "next";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Your notifications" };

export default async function AccountNotificationsPage() {
  const user = await getSessionUser();
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader
        title="Your notifications"
        subtitle="What SageDeck e-mails you personally: versions waiting for your approval, the outcome of your decisions, and your pipeline runs that failed."
      />
      <PreferencesForm />
      {user && can(user.role, "notifications.manage") ? (
        <p className="text-sm">
          Channels for everyone (webhooks, Slack, Teams, team mailboxes) are set up under{" "}
          <Link
            href={routes.settingsNotifications}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            notification settings
          </Link>
          .
        </p>
      ) : null}
    </section>
  );
}
