import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { TargetsBody, TargetsQuery } from "@/lib/maturity-governance/schemas";
import { setTargets, targetsView } from "@/lib/maturity-governance/targets";

export const dynamic = "force-dynamic";

// GET /api/maturity/targets?solution= – the organisation's targets, every override, and the effective ones
export const GET = route({ permission: "read", query: TargetsQuery }, async ({ query }) =>
  targetsView(await getDb(), query.solution),
);

// PUT /api/maturity/targets – set the organisation's targets, or one solution's override (null clears)
export const PUT = route(
  { permission: "maturity.manage", body: TargetsBody },
  async ({ user, body, requestId }) => setTargets({ db: await getDb(), user, requestId }, body),
);
