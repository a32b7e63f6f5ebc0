import { z } from "zod";
import { route } from "@/lib/api/route";
import { describeTrainingJob } from "@/lib/sagemaker/pipelines/executions";

const query = z.object({
  job: z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/, "A training job name."),
});

// GET /api/pipelines/[name]/executions/[id]/training-job?job=… — a training step's metrics
export const GET = route({ permission: "read", query }, ({ query }) => describeTrainingJob(query.job));
