import { route } from "@/lib/api/route";
import { decisionIdempotency, decisionResponse } from "@/lib/approvals/http";
import { getDb } from "@/lib/db";
import { rollbackStage } from "@/lib/approvals/promote";
import { GroupParams, RollbackBody } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: "Put the previous approved version back on the stage (202 while rolling out)",
    permission: "models.promote",
    params: GroupParams,
    body: RollbackBody,
    idempotent: decisionIdempotency,
  },
  async ({ user, params, body, requestId }) =>
    decisionResponse({ db: await getDb(), user, requestId }, (ctx) =>
      rollbackStage(ctx, { ...params, ...body }),
    ),
);
