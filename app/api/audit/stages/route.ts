import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { stagesAt } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

const Query = z.object({
  group: z.string().min(1).max(170),
  at: z.string().datetime({ offset: true, local: true }),
});

// GET /api/audit/stages?group=…&at=… – what served Staging and Production of a group at that time
export const GET = route({ permission: "read", query: Query }, async ({ query }) => ({
  group: query.group,
  at: query.at,
  stages: await stagesAt(
    await getDb(),
    query.group,
    Date.parse(query.at.length === 16 ? `${query.at}:00Z` : query.at),
  ),
}));
