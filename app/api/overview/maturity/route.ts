import { route } from "@/lib/api/route";
import { getMaturitySummary } from "@/lib/overview/maturity";

export const dynamic = "force-dynamic";

// GET /api/overview/maturity – solutions per phase, the most urgent next steps and the KPI headlines
export const GET = route({ permission: "read" }, () => getMaturitySummary());
