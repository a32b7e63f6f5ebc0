import { getConfig } from "@/lib/config";
import { countCacheRead, countUpstream, serviceOf } from "@/lib/metrics/upstream";
import {
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  RateLimitedError,
  type AppError,
} from "@/lib/errors";
import { ReadCache } from "./cache";
import { translateSageMakerError, type TranslateContext } from "./errors";
import { currentAccount } from "./accounts/context";
import { PgInvalidationBus } from "./invalidation";
import { withinReadBudget } from "./budget";
import { withCallKind } from "./retry";
import { noteStale } from "./stale";

const globalForCache = globalThis as unknown as {
  sagedeckReadCache?: ReadCache;
  sagedeckInvalidationBus?: PgInvalidationBus | null;
};

/**
 * The process's read cache. With PostgreSQL (DATABASE_URL) it also listens for the other replicas' writes
 * (invalidation.ts); with PGlite there is one process, so invalidating locally is all there is to do.
 */
export function getReadCache(): ReadCache {
  if (!globalForCache.sagedeckReadCache) {
    const cache = new ReadCache(Date.now, undefined, undefined, countCacheRead);
    globalForCache.sagedeckReadCache = cache;
    const { database } = getConfig();
    globalForCache.sagedeckInvalidationBus =
      database.kind === "postgres" ? new PgInvalidationBus(database.url, cache).start() : null;
  }
  return globalForCache.sagedeckReadCache;
}

/** The cross-replica invalidation bus of this process (null with PGlite). */
export function getInvalidationBus(): PgInvalidationBus | null {
  getReadCache();
  return globalForCache.sagedeckInvalidationBus ?? null;
}

/** One upstream call counted by service, operation and account (sagedeck_upstream_calls_total). */
function counted<T>(
  kind: "read" | "write",
  ctx: TranslateContext,
  key: string | undefined,
  call: () => Promise<T>,
) {
  const labels = { service: serviceOf(key), operation: ctx.operation, account: currentAccount().name, kind };
  return countUpstream(labels, call, (err) => translateSageMakerError(err, ctx).code);
}

export interface ReadOptions extends TranslateContext {
  /** Cache key; start it with the resource kind (e.g. `pipelines:list:…`) so writes can invalidate by prefix. */
  key: string;
  ttlMs?: number;
}

/**
 * How long a read of something SageMaker never changes (an endpoint config, a model, a finished execution)
 * is kept: 240 × the TTL (1 h by default); 0 when caching is off.
 */
export function immutableTtlMs(): number {
  return getConfig().sagemakerCacheTtlMs * 240;
}

/**
 * The cache key of the current account: home keys are unchanged; another account's are `@<name>:<key>`, so
 * the same resource name in two accounts never shares an entry and a write invalidates only its own account.
 */
export function accountKey(key: string): string {
  const account = currentAccount();
  return account.home ? key : `@${account.name}:${key}`;
}

/** Failures a stale cached value may stand in for: throttling, outages, timeouts (not "not found" etc.). */
function transient(err: AppError): boolean {
  return (
    err instanceof RateLimitedError ||
    err instanceof UpstreamUnavailableError ||
    err instanceof UpstreamTimeoutError
  );
}

/**
 * A cached, coalesced SageMaker read whose failures come out as the app's typed errors. Reads fail fast
 * (retry.ts); when one fails with throttling or an outage and an expired entry exists, that value is served
 * and its "as of" time is noted for the request (stale.ts → the X-SageDeck-Stale-Since header).
 */
export async function sagemakerRead<T>(
  opts: ReadOptions & { ttlOf?: (value: T) => number },
  call: () => Promise<T>,
): Promise<T> {
  const { sagemakerCacheTtlMs, sagemakerTimeoutMs } = getConfig();
  const ttl = opts.ttlMs ?? sagemakerCacheTtlMs;
  try {
    const r = await withinReadBudget(
      getReadCache().read(
        accountKey(opts.key),
        ttl,
        () => counted("read", opts, opts.key, () => withCallKind("read", sagemakerTimeoutMs, call)),
        (err) => transient(translateSageMakerError(err, opts)),
        opts.ttlOf,
      ),
      opts.operation,
    );
    if (r.staleSince !== undefined) noteStale(r.staleSince);
    return r.value;
  } catch (err) {
    throw translateSageMakerError(err, opts);
  }
}

/**
 * Taken before a call that returns many records (Search): afterwards it keeps each record under the key its
 * own Describe read uses, unless a newer value is kept or a write came in between (ReadCache.offer), so a
 * record's page is never older than the list that led to it.
 */
export function recordPrimer(): (records: { key: string; value: unknown }[]) => void {
  const cache = getReadCache();
  const generation = cache.currentGeneration;
  const readAt = Date.now();
  const ttl = getConfig().sagemakerCacheTtlMs;
  return (records) => {
    for (const r of records) cache.offer(accountKey(r.key), r.value, ttl, readAt, generation);
  };
}

/**
 * A SageMaker write: never cached; retried until its deadline (retry.ts). Afterwards the given key prefixes are
 * invalidated here and announced to the other replicas (also after a failure: it may have been applied).
 */
export async function sagemakerWrite<T>(
  opts: TranslateContext & { invalidate: string[] },
  call: () => Promise<T>,
): Promise<T> {
  try {
    const timeoutMs = getConfig().sagemakerTimeoutMs;
    return await counted("write", opts, opts.invalidate[0], () => withCallKind("write", timeoutMs, call));
  } catch (err) {
    throw translateSageMakerError(err, opts);
  } finally {
    const prefixes = opts.invalidate.map(accountKey);
    getReadCache().invalidate(...prefixes);
    await getInvalidationBus()?.publish(prefixes);
  }
}
