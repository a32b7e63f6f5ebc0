import { publicRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

// GET /api/health/live – liveness: the process answers. No database, no SageMaker: a restart would not fix those.
export const GET = publicRoute({}, () => Promise.resolve({ status: "live" }));
