import { z } from "zod";
import { route } from "@/lib/api/route";
import { describeTrainingJob } from "@/lib/sagemaker/pipelines/executions";

const query = z.object({
  job: z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/, "A training job name."),
});

export const GET = route({ summary: "A training step's metrics", permission: "read", query }, ({ query }) =>
  describeTrainingJob(query.job),
);
