import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { AuditQuery, listAudit } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

// GET /api/audit – decisions and run actions, newest first, filtered by person, action, group, outcome, dates
export const GET = route({ permission: "read", query: AuditQuery }, async ({ query }) =>
  listAudit(await getDb(), query),
);
