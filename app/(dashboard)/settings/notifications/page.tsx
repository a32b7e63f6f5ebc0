import type { Metadata } from "next";
import { ChannelList } from "@/components/notifications/channel-list";
import { Deliveries } from "@/components/notifications/deliveries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsSettingsPage() {
  const user = await getSessionUser();
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader
        title="Notifications"
        subtitle="Where SageDeck sends approval requests, decisions and reminders: signed webhooks, Slack, Teams and e-mail. Every delivery is kept with its attempts and the receiver's answer."
      />
      {user && can(user.role, "notifications.manage") ? (
        <>
          <section aria-labelledby="channels-title" className="space-y-2">
            <h2 id="channels-title" className="text-lg font-medium">
              Channels
            </h2>
            <ChannelList />
          </section>
          <section aria-labelledby="deliveries-title" className="space-y-2">
            <h2 id="deliveries-title" className="text-lg font-medium">
              Deliveries
            </h2>
            <Deliveries />
          </section>
        </>
      ) : (
        <EmptyState title="Admins only">Ask an admin to set up notification channels.</EmptyState>
      )}
    </section>
  );
}
