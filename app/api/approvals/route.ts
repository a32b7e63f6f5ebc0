import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getInbox } from "@/lib/approvals/inbox";
import { ensureReconciler } from "@/lib/approvals/reconcile";
import { InboxQuery } from "@/lib/approvals/schemas";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "Versions waiting for a decision, oldest first, with evidence",
    permission: "read",
    query: InboxQuery,
  },
  async ({ user, query }) => {
    ensureReconciler();
    return getInbox(await getDb(), user, { group: query.group, cursor: query.cursor, slaHours: query.sla });
  },
);
