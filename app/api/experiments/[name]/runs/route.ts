import { route } from "@/lib/api/route";
import { experimentNameParam, runListQuery } from "@/lib/experiments/list-input";
import { searchRuns } from "@/lib/sagemaker/experiments/reads";

// GET /api/experiments/[name]/runs — one page of runs, sorted and filtered by SageMaker Search
export const GET = route(
  { permission: "read", params: experimentNameParam, query: runListQuery },
  ({ params, query }) => searchRuns(params.name, query),
);
