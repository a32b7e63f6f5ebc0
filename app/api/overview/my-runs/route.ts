import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getMyPipelineRuns } from "@/lib/overview/runs";

export const dynamic = "force-dynamic";

// GET /api/overview/my-runs – the pipeline runs the signed-in user started through SageDeck, live status
export const GET = route({ permission: "read" }, async ({ user }) =>
  getMyPipelineRuns(await getDb(), user.username),
);
