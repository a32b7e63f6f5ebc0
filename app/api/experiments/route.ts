import { route } from "@/lib/api/route";
import { experimentListQuery } from "@/lib/experiments/list-input";
import { listExperiments } from "@/lib/sagemaker/experiments/reads";

// GET /api/experiments — a page of experiments with run counts and last activity
export const GET = route({ permission: "read", query: experimentListQuery }, ({ query }) =>
  listExperiments(query),
);
