interface Entry {
  value: unknown;
  expiresAt: number;
}

/**
 * Read cache for SageMaker calls: TTL per entry, in-flight coalescing (N concurrent identical reads →
 * one upstream call), and invalidation by key prefix after writes. Failures are never cached.
 * Per process: replicas each keep their own, which is fine for reads with short TTLs.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, { promise: Promise<unknown>; token: object }>();
  private generation = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 5_000,
  ) {}

  async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value as T;
    if (hit) this.entries.delete(key);

    const pending = this.inFlight.get(key);
    if (pending) return pending.promise as Promise<T>;

    const generation = this.generation;
    const token = {};
    const run = async () => {
      try {
        const value = await load();
        // an invalidation during the call means the value may predate a write: hand it out, do not keep it
        if (ttlMs > 0 && this.generation === generation) this.store(key, value, ttlMs);
        return value;
      } finally {
        if (this.inFlight.get(key)?.token === token) this.inFlight.delete(key);
      }
    };
    // start on the next microtask, so the in-flight entry exists even if `load` throws synchronously
    const promise = Promise.resolve().then(run);
    this.inFlight.set(key, { promise, token });
    return promise;
  }

  /** Drops every entry whose key starts with one of the prefixes (and detaches in-flight reads of them). */
  invalidate(...prefixes: string[]): void {
    this.generation += 1;
    for (const map of [this.entries, this.inFlight]) {
      for (const key of map.keys()) if (prefixes.some((p) => key.startsWith(p))) map.delete(key);
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.inFlight.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: unknown, ttlMs: number): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }
}
