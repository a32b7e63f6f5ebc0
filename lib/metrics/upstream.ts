import { metrics } from "./registry";

/** The AWS service a read cache key or invalidated prefix belongs to (keys start with their resource kind). */
export function serviceOf(key: string | undefined): string {
  const kind = (key ?? "").replace(/^@[^:]*:/, "").split(":")[0];
  if (kind === "codepipeline") return "codepipeline";
  if (kind === "autoscaling") return "application-autoscaling";
  return "sagemaker";
}

/** The resource kind of a cache key (`pipelines`, `@staging:endpoints` → `endpoints`): a bounded label. */
export function resourceOf(key: string): string {
  return key.replace(/^@[^:]*:/, "").split(":")[0] || "other";
}

/**
 * Counts one upstream call (a cache miss or a write) with its outcome: `ok`, or the app's error code the failure
 * translates to (`rate_limited`, `upstream_unavailable`, `not_found`…), and its latency.
 */
export async function countUpstream<T>(
  labels: { service: string; operation: string; account: string; kind: "read" | "write" },
  call: () => Promise<T>,
  codeOf: (err: unknown) => string,
): Promise<T> {
  const started = performance.now();
  const m = metrics();
  const { service, operation, kind } = labels;
  try {
    const value = await call();
    m.upstreamCalls.inc({ ...labels, outcome: "ok" });
    return value;
  } catch (err) {
    m.upstreamCalls.inc({ ...labels, outcome: codeOf(err) });
    throw err;
  } finally {
    m.upstreamDuration.observe({ service, operation, kind }, (performance.now() - started) / 1000);
  }
}

/** The read cache's observer (lib/sagemaker/cache.ts): hits, misses, coalesced waits, stale answers. */
export function countCacheRead(result: "hit" | "miss" | "coalesced" | "stale", key: string): void {
  metrics().cacheReads.inc({ resource: resourceOf(key), result });
}
