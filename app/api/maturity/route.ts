import { route } from "@/lib/api/route";
import { getMaturityOverview } from "@/lib/maturity-report/report";
import { overviewQuerySchema } from "@/lib/maturity/search-params";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "Every solution's phase and check statuses, and the organisation's KPIs",
    permission: "read",
    query: overviewQuerySchema,
  },
  ({ query }) => getMaturityOverview(query),
);
