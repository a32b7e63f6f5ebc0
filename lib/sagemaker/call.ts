import { getConfig } from "@/lib/config";
import { ReadCache } from "./cache";
import { translateSageMakerError, type TranslateContext } from "./errors";

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

/** A cached, coalesced SageMaker read whose failures come out as the app's typed errors. */
export async function sagemakerRead<T>(opts: ReadOptions, call: () => Promise<T>): Promise<T> {
  const ttl = opts.ttlMs ?? getConfig().sagemakerCacheTtlMs;
  try {
    return await getReadCache().get(opts.key, ttl, call);
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
    getReadCache().invalidate(...opts.invalidate);
  }
}
