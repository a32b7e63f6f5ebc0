import { z } from "zod";
import { route } from "@/lib/api/route";
import { getSolutionReport } from "@/lib/maturity-report/report";

export const dynamic = "force-dynamic";

const params = z.object({ key: z.string().min(1).max(256) });

export const GET = route(
  { summary: "One solution's checks with evidence, actions and KPIs", permission: "read", params },
  ({ params }) => getSolutionReport(params.key),
);
