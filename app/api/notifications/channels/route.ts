import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { createChannel, listChannels } from "@/lib/notifications/channels";
import { ChannelInput } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "The notification channels (admin)", permission: "notifications.manage" },
  async () => ({
    channels: await listChannels({ db: await getDb() }),
  }),
);

export const POST = route(
  {
    summary: "Add a channel (admin); a webhook's signing secret is answered this once",
    permission: "notifications.manage",
    body: ChannelInput,
  },
  async ({ user, body, requestId }) =>
    Response.json(await createChannel({ db: await getDb(), user, requestId }, body), { status: 201 }),
);
