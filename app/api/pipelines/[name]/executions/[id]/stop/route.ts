import { changeRunRoute } from "@/lib/pipelines/runs/http";

// POST /api/pipelines/[name]/executions/[id]/stop (Idempotency-Key header required)
export const POST = changeRunRoute("stop");
