import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { withIdempotency } from "@/lib/db/idempotency";
import { exemptionsOf, grantExemption } from "@/lib/maturity-governance/exemptions";
import { GrantBody, SolutionParams } from "@/lib/maturity-governance/schemas";

export const dynamic = "force-dynamic";

// GET /api/maturity/solutions/:key/exemptions – open exemptions first, then expired and revoked ones
export const GET = route({ permission: "read", params: SolutionParams }, async ({ params }) => ({
  exemptions: await exemptionsOf(await getDb(), params.key),
}));

// POST /api/maturity/solutions/:key/exemptions – grant one (201); an Idempotency-Key replays the first answer
export const POST = route(
  { permission: "maturity.manage", params: SolutionParams, body: GrantBody },
  async ({ req, user, params, body, requestId }) => {
    const db = await getDb();
    const grant = async () => ({
      status: 201,
      body: { exemption: await grantExemption({ db, user, requestId }, params.key, body) },
    });
    const key = req.headers.get("idempotency-key");
    const result = key
      ? await withIdempotency(
          db,
          {
            key,
            actor: user.username,
            route: `POST ${new URL(req.url).pathname}`,
            request: { ...body, expiresAt: body.expiresAt.toISOString() },
          },
          grant,
        )
      : { ...(await grant()), replayed: false };
    return Response.json(result.body, {
      status: result.status,
      headers: result.replayed ? { "Idempotent-Replayed": "true" } : {},
    });
  },
);
