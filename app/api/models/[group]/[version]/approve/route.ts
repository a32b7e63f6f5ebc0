import { route } from "@/lib/api/route";
import { approveVersion } from "@/lib/services/decisions";
import { decisionRoute } from "@/lib/services/decisions-http";
import { ApprovalBody, VersionParams } from "@/lib/services/decisions-schemas";

export const dynamic = "force-dynamic";

// POST /api/models/[group]/[version]/approve – approve a version (Idempotency-Key honoured)
export const POST = route(
  { permission: "models.decide", params: VersionParams, body: ApprovalBody },
  ({ req, user, params, body, requestId }) =>
    decisionRoute(req, user, requestId, { ...params, ...body }, (ctx) =>
      approveVersion(ctx, { ...params, ...body }),
    ),
);
