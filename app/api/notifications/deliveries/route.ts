import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { listDeliveries } from "@/lib/notifications/deliveries";
import { DeliveryQuery } from "@/lib/notifications/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Deliveries, newest first (admin)", permission: "notifications.manage", query: DeliveryQuery },
  async ({ query }) => listDeliveries({ db: await getDb() }, query),
);
