import { AsyncLocalStorage } from "node:async_hooks";

/** The response header naming the oldest "as of" time of a stale value an answer contains (ISO 8601). */
export const STALE_SINCE_HEADER = "X-SageDeck-Stale-Since";

interface Marker {
  since?: number;
}

const globalForStale = globalThis as unknown as { sagedeckStale?: AsyncLocalStorage<Marker> };
const storage = (globalForStale.sagedeckStale ??= new AsyncLocalStorage<Marker>());

/**
 * Runs `fn` (one request) and reports whether any SageMaker read inside it was served stale from the cache
 * because SageMaker was throttling or unavailable: `staleSince` is the oldest such value's "as of" time.
 */
export async function trackStaleness<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; staleSince: Date | null }> {
  const marker: Marker = {};
  const result = await storage.run(marker, fn);
  return { result, staleSince: marker.since === undefined ? null : new Date(marker.since) };
}

/** Records a stale read in the current request (no-op outside trackStaleness). */
export function noteStale(asOf: number): void {
  const marker = storage.getStore();
  if (marker) marker.since = Math.min(marker.since ?? asOf, asOf);
}

/** The oldest stale "as of" time of the current request so far, or null. */
export function staleSince(): Date | null {
  const since = storage.getStore()?.since;
  return since === undefined ? null : new Date(since);
}

/** Adds X-SageDeck-Stale-Since when the request served a stale value (copies a response with immutable headers). */
export function withStaleHeader(response: Response, since: Date | null): Response {
  if (!since) return response;
  try {
    response.headers.set(STALE_SINCE_HEADER, since.toISOString());
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(STALE_SINCE_HEADER, since.toISOString());
    return copy;
  }
}
