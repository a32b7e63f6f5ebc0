import { publicRoute } from "@/lib/api/route";
import { checkMetricsAccess } from "@/lib/metrics/access";
import { ensureDbGauges } from "@/lib/metrics/db-state";
import { metrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus text format (prom-client). METRICS_TOKEN or METRICS_ALLOW_CIDRS decide who may
// scrape (lib/metrics/access.ts); the decision gauges are counted in the database on each scrape.
export const GET = publicRoute({}, async ({ req }) => {
  checkMetricsAccess(req);
  ensureDbGauges();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
});
