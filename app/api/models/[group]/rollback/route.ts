import { route } from "@/lib/api/route";
import { decisionRoute } from "@/lib/approvals/http";
import { rollbackStage } from "@/lib/approvals/promote";
import { GroupParams, RollbackBody } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

// POST /api/models/[group]/rollback – put the previous approved version back on the stage (202 while rolling out)
export const POST = route(
  { permission: "models.promote", params: GroupParams, body: RollbackBody },
  ({ req, user, params, body, requestId }) =>
    decisionRoute(req, user, requestId, { ...params, ...body }, (ctx) =>
      rollbackStage(ctx, { ...params, ...body }),
    ),
);
