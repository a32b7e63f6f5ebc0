/**
 * Issue 18's measure, shared by tests/cold-calls*.test.ts and bench/cold-calls.ts: SageMaker calls a page's read
 * model makes when the cache expired ("cold") and right after ("warm"), counted by the real emulator
 * (`/_emulator/stats`). "Cold" drops every cached answer that expires with the TTL, while what is kept longer —
 * what SageMaker never changes (endpoint configs, models, a finished execution's lineage) and the sets kept in
 * sync with Search (`synced:`, lib/sagemaker/synced-search.ts) — stays, as it does in a running server.
 */
/** Cache keys kept longer than the TTL (optionally account-prefixed). */
export const IMMUTABLE = /^(@[^:]+:)?(endpoints:(config|model):|pipelines:lineage:|synced:)/;
/** Operations of other services the emulator also counts. */
export const OTHER_SERVICE = /^(s3|application-autoscaling|codepipeline|logs|sts):/;

/**
 * Drops what expires with the TTL: the case of the issue ("after the cache expired"). The app is imported here,
 * not at the top, so the bench can point it at its emulator first.
 */
export async function expireCache(): Promise<void> {
  const { getReadCache } = await import("@/lib/sagemaker/call");
  getReadCache().invalidateWhere((key) => !IMMUTABLE.test(key));
}

/** SageMaker calls since the last reset (per operation and in total); resets the counters. */
export async function sageMakerCalls(emulatorUrl: string) {
  const res = await fetch(`${emulatorUrl}/_emulator/stats`);
  const all = ((await res.json()) as { calls?: Record<string, number> }).calls ?? {};
  await fetch(`${emulatorUrl}/_emulator/stats/reset`, { method: "POST" });
  const calls = Object.entries(all).filter(([op]) => !OTHER_SERVICE.test(op));
  return { total: calls.reduce((n, [, k]) => n + k, 0), byOp: Object.fromEntries(calls) };
}

/** SageMaker calls (per operation) made by `load` after the cache expired, and then warm. */
export async function coldAndWarm(emulatorUrl: string, load: () => Promise<unknown>) {
  await load(); // a server that has run before: what is kept longer is already known
  await expireCache();
  await fetch(`${emulatorUrl}/_emulator/stats/reset`, { method: "POST" });
  await load();
  const cold = await sageMakerCalls(emulatorUrl);
  await load();
  const warm = await sageMakerCalls(emulatorUrl);
  return { cold, warm };
}

/** The answer `load` gives after the cache expired, with the SageMaker calls it took. */
export async function coldRead<T>(
  emulatorUrl: string,
  load: () => Promise<T>,
): Promise<{ value: T; calls: number; byOp: string }> {
  await expireCache();
  await sageMakerCalls(emulatorUrl);
  const value = await load();
  const { total, byOp } = await sageMakerCalls(emulatorUrl);
  return { value, calls: total, byOp: JSON.stringify(byOp) };
}

/** The answer read from an empty cache: what a synced answer must equal. */
export async function fromScratch<T>(load: () => Promise<T>): Promise<T> {
  const { getReadCache } = await import("@/lib/sagemaker/call");
  getReadCache().clear();
  return load();
}
