import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { listGroupVersions } from "@/lib/models/groups";
import { GroupParams } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

const Query = z.object({
  status: z.enum(["PendingManualApproval", "Approved", "Rejected"]).optional(),
  order: z.enum(["Ascending", "Descending"]).optional(),
  cursor: z.string().min(1).optional(),
});

export const GET = route(
  {
    summary: "One page of the group's versions (status filter, sort order, cursor)",
    permission: "read",
    params: GroupParams,
    query: Query,
  },
  async ({ params, query }) => listGroupVersions(await getDb(), { group: params.group, ...query }),
);
