import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { resendDelivery } from "@/lib/notifications/deliveries";
import { IdParams } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: '"send again" (admin): pending again, attempted now',
    permission: "notifications.manage",
    params: IdParams,
  },
  async ({ user, params, requestId }) => ({
    delivery: await resendDelivery({ db: await getDb(), user, requestId }, params.id),
  }),
);
