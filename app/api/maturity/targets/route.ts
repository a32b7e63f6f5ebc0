import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { TargetsBody, TargetsQuery } from "@/lib/maturity-governance/schemas";
import { setTargets, targetsView } from "@/lib/maturity-governance/targets";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "The organisation's targets, every override, and the effective ones",
    permission: "read",
    query: TargetsQuery,
  },
  async ({ query }) => targetsView(await getDb(), query.solution),
);

export const PUT = route(
  {
    summary: "Set the organisation's targets, or one solution's override (null clears)",
    permission: "maturity.manage",
    body: TargetsBody,
  },
  async ({ user, body, requestId }) => setTargets({ db: await getDb(), user, requestId }, body),
);
