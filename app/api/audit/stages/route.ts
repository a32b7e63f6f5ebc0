import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { stagesAt } from "@/lib/audit/log";
import { stagesAtAllGroups } from "@/lib/audit/stages-all";

export const dynamic = "force-dynamic";

const Query = z.object({
  group: z.string().min(1).max(170).optional(),
  at: z.string().datetime({ offset: true, local: true }),
});

export const GET = route(
  {
    summary:
      "What served Staging and Production of a group (without one: of every group with something deployed, as `groups`) at that time",
    permission: "read",
    query: Query,
  },
  async ({ query }) => {
    const at = Date.parse(query.at.length === 16 ? `${query.at}:00Z` : query.at);
    const db = await getDb();
    if (!query.group) return { at: query.at, groups: await stagesAtAllGroups(db, at) };
    return { group: query.group, at: query.at, stages: await stagesAt(db, query.group, at) };
  },
);
