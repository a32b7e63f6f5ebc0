import { route } from "@/lib/api/route";
import { decisionIdempotency, decisionResponse } from "@/lib/approvals/http";
import { getDb } from "@/lib/db";
import { answerGate } from "@/lib/deploy-pipelines/gate-decide";
import { gatesForUser } from "@/lib/deploy-pipelines/inbox-gates";
import { GateAnswerBody, GatesQuery } from "@/lib/deploy-pipelines/schemas";

export const dynamic = "force-dynamic";

// GET /api/approvals/gates – manual approval gates waiting in deploy pipelines, with what the user may do
export const GET = route({ permission: "read", query: GatesQuery }, async ({ user, query }) => ({
  gates: await gatesForUser(await getDb(), user, { group: query.group }),
}));

// POST /api/approvals/gates – approve or reject a waiting gate (PutApprovalResult with its token), with a reason
export const POST = route(
  { permission: "models.promote", body: GateAnswerBody, idempotent: decisionIdempotency },
  async ({ user, body, requestId }) =>
    decisionResponse({ db: await getDb(), user, requestId }, (ctx) => answerGate(ctx, body)),
);
