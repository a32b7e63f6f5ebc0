/**
 * The one Prometheus registry of this process and SageDeck's metrics (prom-client). Kept on globalThis: Next
 * bundles route handlers separately, and every one of them must count into the same series.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sagedeck_process_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "sagedeck_http_requests_total",
      help: "API requests answered, by route template, method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "sagedeck_http_request_duration_seconds",
      help: "API request latency, by route template, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    httpInFlight: new Gauge({
      name: "sagedeck_http_requests_in_flight",
      help: "API requests being answered now, by route template",
      labelNames: ["route"] as const,
      registers,
    }),
    upstreamCalls: new Counter({
      name: "sagedeck_upstream_calls_total",
      help: "Calls to AWS (cache misses and writes), by service, operation, account and outcome (ok or the error code)",
      labelNames: ["service", "operation", "account", "kind", "outcome"] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "sagedeck_upstream_call_duration_seconds",
      help: "AWS call latency including SDK retries, by service and operation",
      labelNames: ["service", "operation", "kind"] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    cacheReads: new Counter({
      name: "sagedeck_cache_reads_total",
      help: "Read cache lookups by resource and result (hit, miss, coalesced, stale)",
      labelNames: ["resource", "result"] as const,
      registers,
    }),
    jobRuns: new Counter({
      name: "sagedeck_background_job_runs_total",
      help: "Periodic job runs (reconcilers) by job and outcome",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    reconcilerActions: new Counter({
      name: "sagedeck_reconciler_actions_total",
      help: "Actions a reconciler pass finished, by job and result (applied, failed, errors…)",
      labelNames: ["job", "result"] as const,
      registers,
    }),
    signIns: new Counter({
      name: "sagedeck_sign_in_refusals_total",
      help: "Password sign-ins refused: failed (wrong credentials) or throttled (locked username or address)",
      labelNames: ["reason"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;
const g = globalThis as unknown as { sagedeckMetrics?: Metrics };

export function metrics(): Metrics {
  g.sagedeckMetrics ??= create();
  return g.sagedeckMetrics;
}
