import { route } from "@/lib/api/route";
import { getOverviewSummary } from "@/lib/sagemaker/overview";

export const dynamic = "force-dynamic";

// GET /api/overview – counts of experiments, pipelines and model groups
export const GET = route({ permission: "read" }, () => getOverviewSummary());
