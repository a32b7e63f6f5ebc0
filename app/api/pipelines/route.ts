import { route } from "@/lib/api/route";
import { getPipelineList, pipelineListQuery } from "@/lib/pipelines/read-models";

export const GET = route(
  {
    summary: "Pipelines with 30-day stats for the rows on the page",
    permission: "read",
    query: pipelineListQuery,
  },
  ({ query }) => getPipelineList(query),
);
