/**
 * The process's "data generation": a counter bumped whenever what an API read answers may have changed — a
 * change handled by this server (scripts/serve.ts), the SageMaker read cache storing or dropping a value
 * (lib/sagemaker/cache.ts, including other replicas' invalidations), a background job's run (lib/periodic.ts).
 * The production server's answer cache (scripts/serve/answer-cache.ts) never serves an answer kept under an
 * older generation. On globalThis: serve.js and the Next route bundles are separate module copies in one process.
 */
const g = globalThis as unknown as { sagedeckDataGeneration?: number };

export function dataGeneration(): number {
  return g.sagedeckDataGeneration ?? 0;
}

export function bumpDataGeneration(): void {
  g.sagedeckDataGeneration = dataGeneration() + 1;
}
