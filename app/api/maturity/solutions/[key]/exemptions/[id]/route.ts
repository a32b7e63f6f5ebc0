import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { revokeExemption } from "@/lib/maturity-governance/exemptions";
import { ExemptionParams } from "@/lib/maturity-governance/schemas";

export const dynamic = "force-dynamic";

export const DELETE = route(
  {
    summary: "Revoke an open exemption (kept in the history)",
    permission: "maturity.manage",
    params: ExemptionParams,
  },
  async ({ user, params, requestId }) => ({
    exemption: await revokeExemption({ db: await getDb(), user, requestId }, params.key, params.id),
  }),
);
