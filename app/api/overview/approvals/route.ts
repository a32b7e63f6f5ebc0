import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getWaitingForDecision } from "@/lib/overview/approvals";

export const dynamic = "force-dynamic";

// GET /api/overview/approvals – the oldest versions waiting for a decision, and how many wait in all
export const GET = route({ permission: "read" }, async () => getWaitingForDecision(await getDb()));
