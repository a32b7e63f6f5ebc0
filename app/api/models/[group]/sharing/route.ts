import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { grantAccess } from "@/lib/approvals/grant";
import { groupSharing } from "@/lib/approvals/sharing";
import { GroupParams, ShareBody } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "The stage accounts and whether the group's resource policy grants each",
    permission: "read",
    params: GroupParams,
  },
  async ({ params }) => groupSharing(params.group),
);

export const POST = route(
  {
    summary: "Grant the stage accounts not granted yet (merged into the policy)",
    permission: "models.share",
    params: GroupParams,
    body: ShareBody,
    idempotent: true,
  },
  async ({ user, params, body, requestId, idempotencyKey }) =>
    grantAccess({ db: await getDb(), user, requestId, idempotencyKey }, params.group, body.accounts),
);
