import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { AuditQuery, listAudit } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "Decisions and run actions, newest first, filtered by person, action, group, outcome, dates",
    permission: "read",
    query: AuditQuery,
  },
  async ({ query }) => listAudit(await getDb(), query),
);
