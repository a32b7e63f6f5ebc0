import { route } from "@/lib/api/route";
import { rejectVersion } from "@/lib/approvals/decide";
import { decisionRoute } from "@/lib/approvals/http";
import { ApprovalBody, VersionParams } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

// POST /api/models/[group]/[version]/reject – reject a version (reason required) (Idempotency-Key honoured)
export const POST = route(
  { permission: "models.decide", params: VersionParams, body: ApprovalBody },
  ({ req, user, params, body, requestId }) =>
    decisionRoute(req, user, requestId, { ...params, ...body }, (ctx) =>
      rejectVersion(ctx, { ...params, ...body }),
    ),
);
