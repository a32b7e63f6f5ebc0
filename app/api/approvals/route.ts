import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getInbox } from "@/lib/services/decisions-inbox";
import { ensureReconciler } from "@/lib/services/decisions-reconcile";
import { InboxQuery } from "@/lib/services/decisions-schemas";

export const dynamic = "force-dynamic";

// GET /api/approvals – versions waiting for a decision, oldest first, with evidence
export const GET = route({ permission: "read", query: InboxQuery }, async ({ query }) => {
  ensureReconciler();
  return getInbox(await getDb(), { group: query.group, cursor: query.cursor, slaHours: query.sla });
});
