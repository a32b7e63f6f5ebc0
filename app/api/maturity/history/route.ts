import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getHistory, historyQuerySchema } from "@/lib/maturity-history/history";

export const dynamic = "force-dynamic";

// GET /api/maturity/history?solution=<key or *>&days=1..365 – stored snapshots of one solution (or the organisation), oldest first
export const GET = route({ permission: "read", query: historyQuerySchema }, async ({ query }) =>
  getHistory(await getDb(), query),
);
