import { route } from "@/lib/api/route";
import { getPipelineList, pipelineListQuery } from "@/lib/pipelines/read-models";

// GET /api/pipelines — pipelines with 30-day stats for the rows on the page
export const GET = route({ permission: "read", query: pipelineListQuery }, ({ query }) =>
  getPipelineList(query),
);
