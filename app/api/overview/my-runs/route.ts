import { route } from "@/lib/api/route";
import { getDb } from "@/lib/db";
import { getMyPipelineRuns } from "@/lib/overview/runs";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    summary: "The pipeline runs the signed-in user started through SageDeck, live status",
    permission: "read",
  },
  async ({ user }) => getMyPipelineRuns(await getDb(), user.username),
);
