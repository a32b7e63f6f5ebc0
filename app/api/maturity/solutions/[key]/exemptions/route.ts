import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { exemptionsOf, grantExemption } from "@/lib/maturity-governance/exemptions";
import { GrantBody, SolutionParams } from "@/lib/maturity-governance/schemas";

export const dynamic = "force-dynamic";

// GET /api/maturity/solutions/:key/exemptions – open exemptions first, then expired and revoked ones
export const GET = route({ permission: "read", params: SolutionParams }, async ({ params }) => ({
  exemptions: await exemptionsOf(await getDb(), params.key),
}));

// POST /api/maturity/solutions/:key/exemptions – grant one (201); an Idempotency-Key replays the first answer
export const POST = route(
  { permission: "maturity.manage", params: SolutionParams, body: GrantBody, idempotent: true },
  async ({ user, params, body, requestId }) => {
    const exemption = await grantExemption({ db: await getDb(), user, requestId }, params.key, body);
    return Response.json({ exemption }, { status: 201 });
  },
);
