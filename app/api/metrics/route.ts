import { publicRoute } from "@/lib/api/route";
import { checkMetricsAccess } from "@/lib/metrics/access";
import { ensureDbGauges } from "@/lib/metrics/db-state";
import { metrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

export const GET = publicRoute(
  { summary: "Prometheus metrics (text format); METRICS_TOKEN or METRICS_ALLOW_CIDRS decide who may scrape" },
  async ({ req }) => {
    checkMetricsAccess(req);
    ensureDbGauges();
    const { registry } = metrics();
    return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
  },
);
