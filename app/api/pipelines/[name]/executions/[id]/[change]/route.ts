import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { RUN_CHANGES } from "@/lib/pipelines/runs";
import { describePipeline } from "@/lib/sagemaker/pipelines/reads";

const params = z.object({
  name: z.string().min(1).max(256),
  id: z.string().regex(/^[a-z0-9]{1,64}$/),
  change: z.enum(["stop", "retry"]),
});

// POST /api/pipelines/[name]/executions/[id]/stop|retry (Idempotency-Key header required)
export const POST = route(
  { permission: "pipelines.run", params, idempotent: { required: true } },
  async ({ user, params, requestId, idempotencyKey }) => {
    const pipeline = await describePipeline(params.name);
    return RUN_CHANGES[params.change](
      { db: await getDb(), user, idempotencyKey: idempotencyKey ?? "", requestId },
      `${pipeline.arn}/execution/${params.id}`,
    );
  },
);
