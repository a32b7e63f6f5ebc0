import { route } from "@/lib/api/route";
import { getOverviewSummary } from "@/lib/sagemaker/overview";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "Counts of experiments, pipelines and model groups", permission: "read" },
  () => getOverviewSummary(),
);
