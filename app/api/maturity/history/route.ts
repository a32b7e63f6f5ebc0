import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getHistory, historyQuerySchema } from "@/lib/maturity-history/history";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary:
      "Stored maturity snapshots of one solution (or of the organisation with solution=*), oldest first",
    permission: "read",
    query: historyQuerySchema,
  },
  async ({ query }) => getHistory(await getDb(), query),
);
