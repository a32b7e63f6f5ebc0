import { route } from "@/lib/api/route";
import { approveVersion } from "@/lib/approvals/decide";
import { decisionRoute } from "@/lib/approvals/http";
import { ApprovalBody, VersionParams } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

// POST /api/models/[group]/[version]/approve – approve a version (Idempotency-Key honoured)
export const POST = route(
  { permission: "models.decide", params: VersionParams, body: ApprovalBody },
  ({ req, user, params, body, requestId }) =>
    decisionRoute(req, user, requestId, { ...params, ...body }, (ctx) =>
      approveVersion(ctx, { ...params, ...body }),
    ),
);
