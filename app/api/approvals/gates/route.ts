import { route } from "@/lib/api/route";
import { decisionIdempotency, decisionResponse } from "@/lib/approvals/http";
import { getDb } from "@/lib/db";
import { answerGate } from "@/lib/deploy-pipelines/gate-decide";
import { gatesForUser } from "@/lib/deploy-pipelines/inbox-gates";
import { GateAnswerBody, GatesQuery } from "@/lib/deploy-pipelines/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "Manual approval gates waiting in deploy pipelines, with what the user may do",
    permission: "read",
    query: GatesQuery,
  },
  async ({ user, query }) => ({
    gates: await gatesForUser(await getDb(), user, { group: query.group }),
  }),
);

export const POST = route(
  {
    summary: "Approve or reject a waiting gate (PutApprovalResult with its token), with a reason",
    permission: "models.promote",
    body: GateAnswerBody,
    idempotent: decisionIdempotency,
  },
  async ({ user, body, requestId }) =>
    decisionResponse({ db: await getDb(), user, requestId }, (ctx) => answerGate(ctx, body)),
);
