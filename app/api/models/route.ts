import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { listModelOverview } from "@/lib/models/groups";

export const dynamic = "force-dynamic";

const ModelsQuery = z.object({
  q: z.string().trim().max(170).optional(),
  page: z.coerce.number().int().min(1).default(1),
});

export const GET = route(
  {
    summary: "Model groups with counts by status, live versions per stage and the last decision",
    permission: "read",
    query: ModelsQuery,
  },
  async ({ query }) => listModelOverview(await getDb(), { search: query.q, page: query.page }),
);
