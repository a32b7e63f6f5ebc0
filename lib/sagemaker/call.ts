import { getConfig } from "@/lib/config";
import { ReadCache } from "./cache";
import { translateSageMakerError, type TranslateContext } from "./errors";
import { currentAccount } from "./accounts/context";

const globalForCache = globalThis as unknown as { sagedeckReadCache?: ReadCache };

export function getReadCache(): ReadCache {
  globalForCache.sagedeckReadCache ??= new ReadCache();
  return globalForCache.sagedeckReadCache;
}

export interface ReadOptions extends TranslateContext {
  /** Cache key; start it with the resource kind (e.g. `pipelines:list:…`) so writes can invalidate by prefix. */
  key: string;
  ttlMs?: number;
}

/**
 * The cache key of the current account: home keys are unchanged; another account's are `@<name>:<key>`, so
 * the same resource name in two accounts never shares an entry and a write invalidates only its own account.
 */
export function accountKey(key: string): string {
  const account = currentAccount();
  return account.home ? key : `@${account.name}:${key}`;
}

/** A cached, coalesced SageMaker read whose failures come out as the app's typed errors. */
export async function sagemakerRead<T>(opts: ReadOptions, call: () => Promise<T>): Promise<T> {
  const ttl = opts.ttlMs ?? getConfig().sagemakerCacheTtlMs;
  try {
    return await getReadCache().get(accountKey(opts.key), ttl, call);
  } catch (err) {
    throw translateSageMakerError(err, opts);
  }
}

/** A SageMaker write: never cached; afterwards the given key prefixes are invalidated (also after a failure). */
export async function sagemakerWrite<T>(
  opts: TranslateContext & { invalidate: string[] },
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw translateSageMakerError(err, opts);
  } finally {
    getReadCache().invalidate(...opts.invalidate.map(accountKey));
  }
}
