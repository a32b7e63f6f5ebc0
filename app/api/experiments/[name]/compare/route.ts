import { route } from "@/lib/api/route";
import { compareQuery, experimentNameParam } from "@/lib/experiments/list-input";
import { getRunsForCompare } from "@/lib/sagemaker/experiments/reads";

// GET /api/experiments/[name]/compare?runs=a,b,c — 2 to 200 runs side by side
export const GET = route(
  { permission: "read", params: experimentNameParam, query: compareQuery },
  ({ params, query }) => getRunsForCompare(params.name, query.runs),
);
