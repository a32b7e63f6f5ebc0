import { publicRoute } from "@/lib/api/route";
import { getSessionUser } from "@/lib/auth/session";
import { getHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

async function signedIn(): Promise<boolean> {
  try {
    return (await getSessionUser()) !== null;
  } catch {
    return false;
  }
}

export const GET = publicRoute(
  {
    summary:
      "Database and SageMaker reachability; no sign-in needed for the status, details (mode, database, SageMaker source) only for signed-in users",
  },
  async () => {
    const health = await getHealth();
    const status = health.status === "ok" ? 200 : 503;
    const body = (await signedIn()) ? health : { status: health.status };
    return Response.json(body, { status });
  },
);
