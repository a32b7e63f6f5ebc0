import { publicRoute } from "@/lib/api/route";
import { getReadiness } from "@/lib/readiness";

export const dynamic = "force-dynamic";

export const GET = publicRoute(
  {
    summary:
      "Readiness: 200 when this replica should get traffic (database reachable, migrations applied, not shutting down), else 503. Account reachability is reported, degraded accounts do not fail it",
  },
  async () => {
    const ready = await getReadiness();
    return Response.json(ready, { status: ready.status === "ready" ? 200 : 503 });
  },
);
