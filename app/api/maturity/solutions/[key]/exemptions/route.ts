import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { exemptionsOf, grantExemption } from "@/lib/maturity-governance/exemptions";
import { GrantBody, SolutionParams } from "@/lib/maturity-governance/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "Open exemptions first, then expired and revoked ones",
    permission: "read",
    params: SolutionParams,
  },
  async ({ params }) => ({
    exemptions: await exemptionsOf(await getDb(), params.key),
  }),
);

export const POST = route(
  {
    summary: "Grant one (201); an Idempotency-Key replays the first answer",
    permission: "maturity.manage",
    params: SolutionParams,
    body: GrantBody,
    idempotent: true,
  },
  async ({ user, params, body, requestId }) => {
    const exemption = await grantExemption({ db: await getDb(), user, requestId }, params.key, body);
    return Response.json({ exemption }, { status: 201 });
  },
);
