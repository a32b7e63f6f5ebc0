import { route } from "@/lib/api/route";
import { getNewestExperimentRuns } from "@/lib/overview/runs";

export const dynamic = "force-dynamic";

// GET /api/overview/experiment-runs – the newest experiment runs across experiments
export const GET = route({ permission: "read" }, () => getNewestExperimentRuns());
