import { route } from "@/lib/api/route";
import { getMaturitySummary } from "@/lib/overview/maturity";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Solutions per phase, the most urgent next steps and the KPI headlines", permission: "read" },
  () => getMaturitySummary(),
);
