import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { sendTest } from "@/lib/notifications/deliveries";
import { IdParams } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: "Send a test message now (admin); answers the delivery",
    permission: "notifications.manage",
    params: IdParams,
  },
  async ({ user, params, requestId }) => ({
    delivery: await sendTest({ db: await getDb(), user, requestId }, params.id),
  }),
);
