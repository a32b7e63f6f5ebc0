import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { takeManualSnapshot } from "@/lib/maturity-history/history";

export const dynamic = "force-dynamic";

export const POST = route(
  {
    summary: 'Collect now and store a snapshot of every solution (audited "maturity.snapshot")',
    permission: "maturity.manage",
  },
  async ({ user, requestId }) => takeManualSnapshot({ db: await getDb(), user, requestId }),
);
