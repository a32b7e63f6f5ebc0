import { publicRoute } from "@/lib/api/route";
import { getHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// GET /api/health – database and SageMaker reachability; no sign-in, no secrets
export const GET = publicRoute({}, async () => {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
