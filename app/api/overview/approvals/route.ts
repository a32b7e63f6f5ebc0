import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getWaitingForDecision } from "@/lib/overview/approvals";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "The oldest versions waiting for a decision, and how many wait in all", permission: "read" },
  async () => getWaitingForDecision(await getDb()),
);
