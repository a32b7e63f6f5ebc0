import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { AuditQuery, auditCsv } from "@/lib/audit/log";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "The same filters as /api/audit, as CSV (up to 10,000 rows)",
    permission: "read",
    query: AuditQuery,
  },
  async ({ query }) => {
    const csv = await auditCsv(await getDb(), query);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="sagedeck-audit-${day}.csv"`,
      },
    });
  },
);
