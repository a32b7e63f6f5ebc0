import { route } from "@/lib/api/route";
import { rejectVersion } from "@/lib/approvals/decide";
import { decisionIdempotency, decisionResponse } from "@/lib/approvals/http";
import { getDb } from "@/lib/db";
import { ApprovalBody, VersionParams } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: "Reject a version (a reason is required)",
    permission: "models.decide",
    params: VersionParams,
    body: ApprovalBody,
    idempotent: decisionIdempotency,
  },
  async ({ user, params, body, requestId }) =>
    decisionResponse({ db: await getDb(), user, requestId }, (ctx) =>
      rejectVersion(ctx, { ...params, ...body }),
    ),
);
