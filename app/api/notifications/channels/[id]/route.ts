import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { updateChannel } from "@/lib/notifications/channels";
import { ChannelPatch, IdParams } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const PATCH = route(
  {
    summary: "Edit, enable or disable a channel (admin)",
    permission: "notifications.manage",
    params: IdParams,
    body: ChannelPatch,
  },
  async ({ user, params, body, requestId }) => ({
    channel: await updateChannel({ db: await getDb(), user, requestId }, params.id, body),
  }),
);
