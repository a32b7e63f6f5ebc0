import { route } from "@/lib/api/route";
import { decisionIdempotency, decisionResponse } from "@/lib/approvals/http";
import { getDb } from "@/lib/db";
import { promoteVersion } from "@/lib/approvals/promote";
import { PromoteBody, VersionParams } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: "Deploy to Staging or Production (202 while rolling out)",
    permission: "models.promote",
    params: VersionParams,
    body: PromoteBody,
    idempotent: decisionIdempotency,
  },
  async ({ user, params, body, requestId }) =>
    decisionResponse({ db: await getDb(), user, requestId }, (ctx) =>
      promoteVersion(ctx, { ...params, ...body }),
    ),
);
