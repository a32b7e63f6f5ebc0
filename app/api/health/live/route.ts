import { publicRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute(
  { summary: "Liveness: the process answers. No database, no SageMaker: a restart would not fix those" },
  () => Promise.resolve({ status: "live" }),
);
