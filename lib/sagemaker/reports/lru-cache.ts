/**
 * A cache for values that never change once read (S3 objects are immutable per URI as reports are written):
 * no expiry by default, bounded by entry count and by bytes (least recently used out first), with in-flight
 * coalescing (N concurrent reads of one key → one load). `load` says how big its value is and, for answers that
 * may change (a report that is missing today), how long to keep it; a thrown load is never kept.
 */
export interface Loaded<V> {
  value: V;
  bytes: number;
  /** keep for this long (ms); omitted = until evicted */
  ttlMs?: number;
}

interface Entry<V> {
  value: V;
  bytes: number;
  expiresAt: number;
}

export class LruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private totalBytes = 0;

  constructor(
    private readonly limits: { maxEntries: number; maxBytes: number },
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<Loaded<V>>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) {
      // most recently used goes to the end of the Map's order
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    if (hit) this.remove(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = Promise.resolve()
      .then(load)
      .then((loaded) => {
        this.store(key, loaded);
        return loaded.value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  private store(key: string, loaded: Loaded<V>): void {
    if (loaded.ttlMs === 0 || loaded.bytes > this.limits.maxBytes) return;
    this.remove(key);
    this.entries.set(key, {
      value: loaded.value,
      bytes: loaded.bytes,
      expiresAt: loaded.ttlMs === undefined ? Infinity : this.now() + loaded.ttlMs,
    });
    this.totalBytes += loaded.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.totalBytes <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.totalBytes -= e.bytes;
    this.entries.delete(key);
  }
}
