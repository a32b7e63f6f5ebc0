import { route } from "@/lib/api/route";
import { getFailureSummary } from "@/lib/pipelines/failure-summary";
import { executionParams } from "../route";

export const GET = route(
  { summary: "Failed step, its last error lines, what changed", permission: "read", params: executionParams },
  ({ params }) => getFailureSummary(params.name, params.id),
);
