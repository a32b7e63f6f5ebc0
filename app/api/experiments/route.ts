import { route } from "@/lib/api/route";
import { experimentListQuery } from "@/lib/experiments/list-input";
import { listExperiments } from "@/lib/sagemaker/experiments/reads";

export const GET = route(
  {
    summary: "A page of experiments with run counts and last activity",
    permission: "read",
    query: experimentListQuery,
  },
  ({ query }) => listExperiments(query),
);
