import { route } from "@/lib/api/route";
import { getMaturityOverview } from "@/lib/maturity-report/report";
import { overviewQuerySchema } from "@/lib/maturity/search-params";

export const dynamic = "force-dynamic";

// GET /api/maturity?phase=&sort= – every solution's phase and check statuses, and the organisation's KPIs
export const GET = route({ permission: "read", query: overviewQuerySchema }, ({ query }) =>
  getMaturityOverview(query),
);
