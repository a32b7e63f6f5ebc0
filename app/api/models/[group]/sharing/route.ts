import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { grantAccess } from "@/lib/approvals/grant";
import { groupSharing } from "@/lib/approvals/sharing";
import { GroupParams, ShareBody } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

// GET /api/models/[group]/sharing – the stage accounts and whether the group's resource policy grants each
export const GET = route({ permission: "read", params: GroupParams }, async ({ params }) =>
  groupSharing(params.group),
);

// POST /api/models/[group]/sharing – admins: grant the stage accounts not granted yet (merged into the policy)
export const POST = route(
  { permission: "models.share", params: GroupParams, body: ShareBody, idempotent: true },
  async ({ user, params, body, requestId, idempotencyKey }) =>
    grantAccess({ db: await getDb(), user, requestId, idempotencyKey }, params.group, body.accounts),
);
