import { z } from "zod";
import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { startRunBody } from "@/lib/pipelines/parameters";
import { executionListQuery, getExecutionList } from "@/lib/pipelines/read-models";
import { startRun } from "@/lib/pipelines/runs";

const params = z.object({ name: z.string().min(1).max(256) });

export const GET = route(
  {
    summary: "One page, newest first (filters and keyset paging in the query)",
    permission: "read",
    params,
    query: executionListQuery,
  },
  ({ params, query }) => getExecutionList(params.name, query),
);

export const POST = route(
  {
    summary: "Start a run (Idempotency-Key header required; a repeat replays the answer)",
    permission: "pipelines.run",
    params,
    body: startRunBody,
    idempotent: { required: true },
  },
  async ({ user, params, body, requestId, idempotencyKey }) => {
    const ctx = { db: await getDb(), user, idempotencyKey: idempotencyKey ?? "", requestId };
    return Response.json(await startRun(ctx, params.name, body), { status: 201 });
  },
);
