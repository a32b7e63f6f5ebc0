import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { BadRequestError } from "@/lib/errors";
import { startRunBody } from "@/lib/pipelines/parameters";
import { executionListQuery, getExecutionList } from "@/lib/pipelines/read-models";
import { startRun } from "@/lib/pipelines/runs";

const params = z.object({ name: z.string().min(1).max(256) });

// GET /api/pipelines/[name]/executions — one page, newest first (filters and keyset paging in the query)
export const GET = route({ permission: "read", params, query: executionListQuery }, ({ params, query }) =>
  getExecutionList(params.name, query),
);

// POST /api/pipelines/[name]/executions — start a run (Idempotency-Key header required)
export const POST = route(
  { permission: "pipelines.run", params, body: startRunBody },
  async ({ req, user, params, body, requestId }) => {
    const key = req.headers.get("idempotency-key");
    if (!key) throw new BadRequestError("Send an Idempotency-Key header (any unique string per submission).");
    const r = await startRun({ db: await getDb(), user, idempotencyKey: key, requestId }, params.name, body);
    return Response.json(r, { status: r.replayed ? 200 : 201 });
  },
);
