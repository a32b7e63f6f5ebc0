import { route } from "@/lib/api/route";
import { compareQuery, experimentNameParam } from "@/lib/experiments/list-input";
import { getRunsForCompare } from "@/lib/sagemaker/experiments/reads";

export const GET = route(
  {
    summary: "2 to 200 runs side by side",
    permission: "read",
    params: experimentNameParam,
    query: compareQuery,
  },
  ({ params, query }) => getRunsForCompare(params.name, query.runs),
);
