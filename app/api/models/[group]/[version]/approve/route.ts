import { route } from "@/lib/api/route";
import { approveVersion } from "@/lib/approvals/decide";
import { approveReason } from "@/lib/approvals/policy";
import { decisionIdempotency, decisionResponse } from "@/lib/approvals/http";
import { getDb } from "@/lib/db";
import { ApprovalBody, VersionParams } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: "Approve a version",
    permission: "models.decide",
    params: VersionParams,
    body: ApprovalBody,
    idempotent: decisionIdempotency,
  },
  async ({ user, params, body, requestId }) => {
    // the organisation's reason rule (SAGEDECK_APPROVE_REASON), refused (422, on the record) before anything is read
    const reason = approveReason(body.reason, "approve a version");
    return decisionResponse({ db: await getDb(), user, requestId }, (ctx) =>
      approveVersion(ctx, { ...params, ...body, reason }),
    );
  },
);
