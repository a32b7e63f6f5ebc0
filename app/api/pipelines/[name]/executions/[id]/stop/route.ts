import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { BadRequestError } from "@/lib/errors";
import { describePipeline } from "@/lib/sagemaker/pipelines/reads";
import { stopRun } from "@/lib/pipelines/runs";

const params = z.object({ name: z.string().min(1).max(256), id: z.string().regex(/^[a-z0-9]{1,64}$/) });

// POST /api/pipelines/[name]/executions/[id]/stop (Idempotency-Key header required)
export const POST = route(
  { permission: "pipelines.run", params },
  async ({ req, user, params, requestId }) => {
    const key = req.headers.get("idempotency-key");
    if (!key) throw new BadRequestError("Send an Idempotency-Key header (any unique string per submission).");
    const pipeline = await describePipeline(params.name);
    return stopRun(
      { db: await getDb(), user, idempotencyKey: key, requestId },
      `${pipeline.arn}/execution/${params.id}`,
    );
  },
);
