import { route } from "@/lib/api/route";
import { decisionRoute } from "@/lib/services/decisions-http";
import { rollbackStage } from "@/lib/services/decisions-promote";
import { GroupParams, RollbackBody } from "@/lib/services/decisions-schemas";

export const dynamic = "force-dynamic";

// POST /api/models/[group]/rollback – put the previous approved version back on the stage (202 while rolling out)
export const POST = route(
  { permission: "models.promote", params: GroupParams, body: RollbackBody },
  ({ req, user, params, body, requestId }) =>
    decisionRoute(req, user, requestId, { ...params, ...body }, (ctx) =>
      rollbackStage(ctx, { ...params, ...body }),
    ),
);
