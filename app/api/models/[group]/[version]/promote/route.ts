import { route } from "@/lib/api/route";
import { decisionRoute } from "@/lib/approvals/http";
import { promoteVersion } from "@/lib/approvals/promote";
import { PromoteBody, VersionParams } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

// POST /api/models/[group]/[version]/promote – deploy to Staging or Production (202 while rolling out)
export const POST = route(
  { permission: "models.promote", params: VersionParams, body: PromoteBody },
  ({ req, user, params, body, requestId }) =>
    decisionRoute(req, user, requestId, { ...params, ...body }, (ctx) =>
      promoteVersion(ctx, { ...params, ...body }),
    ),
);
