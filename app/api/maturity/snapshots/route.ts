import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { takeManualSnapshot } from "@/lib/maturity-history/history";

export const dynamic = "force-dynamic";

// POST /api/maturity/snapshots – collect now and store a snapshot of every solution (audited "maturity.snapshot")
export const POST = route({ permission: "maturity.manage" }, async ({ user, requestId }) =>
  takeManualSnapshot({ db: await getDb(), user, requestId }),
);
