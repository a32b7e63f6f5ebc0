import { route } from "@/lib/api/route";
import { experimentNameParam, runListQuery } from "@/lib/experiments/list-input";
import { searchRuns } from "@/lib/sagemaker/experiments/reads";

export const GET = route(
  {
    summary: "One page of runs, sorted and filtered by SageMaker Search",
    permission: "read",
    params: experimentNameParam,
    query: runListQuery,
  },
  ({ params, query }) => searchRuns(params.name, query),
);
