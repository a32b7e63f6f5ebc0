import { z } from "zod";
import { route } from "@/lib/api/route";
import { getPipelineForStart } from "@/lib/pipelines/start-view";

const params = z.object({ name: z.string().min(1).max(256) });

export const GET = route(
  {
    summary: "The pipeline with its parameters, step graph and the parameters SageDeck locks",
    permission: "read",
    params,
  },
  ({ params }) => getPipelineForStart(params.name),
);
