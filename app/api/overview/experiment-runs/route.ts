import { route } from "@/lib/api/route";
import { getNewestExperimentRuns } from "@/lib/overview/runs";

export const dynamic = "force-dynamic";

export const GET = route(
  { summary: "The newest experiment runs across experiments", permission: "read" },
  () => getNewestExperimentRuns(),
);
