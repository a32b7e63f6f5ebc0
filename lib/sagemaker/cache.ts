import { bumpDataGeneration } from "@/lib/data-generation";

interface Entry {
  value: unknown;
  /** when the value was read from SageMaker (its "as of" time) */
  storedAt: number;
  expiresAt: number;
}

/** A cached read: the value, and when it is a stale one served because SageMaker failed, its "as of" time. */
export interface CachedRead<T> {
  value: T;
  staleSince?: number;
}

export type CacheResult = "hit" | "miss" | "coalesced" | "stale";

/**
 * Read cache for SageMaker calls: TTL per entry, in-flight coalescing (N concurrent identical reads →
 * one upstream call), and invalidation by key prefix after writes. Failures are never cached.
 * Expired entries are kept for `maxStaleMs` so that a read failing with throttling or an outage can serve the
 * last value with its "as of" time (stale-while-error, see `read`). Per process: replicas drop each other's
 * written prefixes through invalidation.ts (PostgreSQL LISTEN/NOTIFY).
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, { promise: Promise<unknown>; token: object }>();
  private generation = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 5_000,
    private readonly maxStaleMs = 15 * 60_000,
    /** told each lookup's result (metrics: lib/metrics/upstream.ts countCacheRead) */
    private readonly observe: (result: CacheResult, key: string) => void = () => undefined,
  ) {}

  async get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    return (await this.read(key, ttlMs, load, () => false)).value;
  }

  /**
   * Like `get`; when the load fails and `serveStale(err)` says the failure is transient, an expired entry (not
   * older than maxStaleMs, not invalidated) is returned instead, with `staleSince` = when it was read.
   * `ttlMs` 0 is a fresh read: it neither uses nor stores an entry, and never gets a stale one.
   */
  async read<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
    serveStale: (err: unknown) => boolean,
    /** how long to keep this value, when it depends on the value (e.g. a finished execution: long) */
    ttlOf?: (value: T) => number,
  ): Promise<CachedRead<T>> {
    const now = this.now();
    const hit = ttlMs > 0 ? this.entries.get(key) : undefined;
    if (hit && hit.expiresAt > now) {
      this.observe("hit", key);
      return { value: hit.value as T };
    }
    if (hit && hit.expiresAt + this.maxStaleMs <= now) this.entries.delete(key);
    try {
      return { value: await this.load(key, ttlMs, load, ttlOf) };
    } catch (err) {
      // the entry must still be there: an invalidation since (a write) means it is no longer a valid answer
      if (hit && this.entries.get(key) === hit && serveStale(err)) {
        this.observe("stale", key);
        return { value: hit.value as T, staleSince: hit.storedAt };
      }
      throw err;
    }
  }

  private load<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
    ttlOf?: (value: T) => number,
  ): Promise<T> {
    const pending = this.inFlight.get(key);
    this.observe(pending ? "coalesced" : "miss", key);
    if (pending) return pending.promise as Promise<T>;

    const generation = this.generation;
    const token = {};
    const run = async () => {
      try {
        const startedAt = this.now();
        const value = await load();
        // an invalidation during the call means the value may predate a write: hand it out, do not keep it
        const keep = ttlMs > 0 && ttlOf ? ttlOf(value) : ttlMs;
        if (keep > 0 && this.generation === generation) this.store(key, value, keep, startedAt);
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

  /**
   * Keeps `value` (read at `readAt`) for `key` unless a newer value is already kept or a write invalidated the
   * key since `generation` (see `currentGeneration`): one call that returns many records (Search) refreshes each
   * record's own entry, so a page reading one record never shows it older than the list it came from.
   */
  offer(key: string, value: unknown, ttlMs: number, readAt: number, generation: number): void {
    if (ttlMs <= 0 || generation !== this.generation) return;
    const kept = this.entries.get(key);
    if (kept && kept.storedAt >= readAt) return;
    this.store(key, value, ttlMs, readAt);
  }

  /** A token that changes at every invalidation (for `offer`). */
  get currentGeneration(): number {
    return this.generation;
  }

  /** Drops every entry whose key starts with one of the prefixes (and detaches in-flight reads of them). */
  invalidate(...prefixes: string[]): void {
    this.generation += 1;
    bumpDataGeneration();
    for (const map of [this.entries, this.inFlight]) {
      for (const key of map.keys()) if (prefixes.some((p) => key.startsWith(p))) map.delete(key);
    }
  }

  /** Drops every entry (and in-flight read) whose key passes `test` (benchmarks: "the TTL expired"). */
  invalidateWhere(test: (key: string) => boolean): void {
    this.generation += 1;
    bumpDataGeneration();
    for (const map of [this.entries, this.inFlight])
      for (const key of map.keys()) if (test(key)) map.delete(key);
  }

  clear(): void {
    this.generation += 1;
    bumpDataGeneration();
    this.entries.clear();
    this.inFlight.clear();
  }

  /** Whether an entry (fresh or expired) is kept for the key. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: unknown, ttlMs: number, storedAt: number): void {
    bumpDataGeneration(); // a newer value: answers built from the old one are out of date (lib/data-generation.ts)
    this.entries.delete(key); // re-inserted last: the oldest-first eviction below stays oldest-first
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, storedAt, expiresAt: this.now() + ttlMs });
  }
}
