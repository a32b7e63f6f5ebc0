import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { describePipeline } from "@/lib/sagemaker/pipelines/reads";
import { RUN_CHANGES, type RunChange } from "./change";

const params = z.object({ name: z.string().min(1).max(256), id: z.string().regex(/^[a-z0-9]{1,64}$/) });

/** The one handler behind POST …/executions/[id]/stop and …/retry (Idempotency-Key header required). */
export function changeRunRoute(change: RunChange, summary: string) {
  return route(
    { summary, permission: "pipelines.run", params, idempotent: { required: true } },
    async ({ user, params, requestId, idempotencyKey }) => {
      const pipeline = await describePipeline(params.name);
      return RUN_CHANGES[change](
        { db: await getDb(), user, idempotencyKey: idempotencyKey ?? "", requestId },
        `${pipeline.arn}/execution/${params.id}`,
      );
    },
  );
}
