import { changeRunRoute } from "@/lib/pipelines/runs/http";

// POST /api/pipelines/[name]/executions/[id]/retry (Idempotency-Key header required)
export const POST = changeRunRoute("retry");
