import { route } from "@/lib/api/route";
import { getFailureSummary } from "@/lib/pipelines/failure-summary";
import { executionParams } from "../route";

// GET /api/pipelines/[name]/executions/[id]/failure-summary — failed step, its last error lines, what changed
export const GET = route({ permission: "read", params: executionParams }, ({ params }) =>
  getFailureSummary(params.name, params.id),
);
