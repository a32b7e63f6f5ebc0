import { describe, expect, it } from "vitest";
import { concurrencyLimit } from "./limit";
import { LruCache } from "./lru-cache";

describe("LruCache", () => {
  it("coalesces concurrent loads of one key and keeps the value without expiry", async () => {
    let now = 0;
    const cache = new LruCache<string>({ maxEntries: 10, maxBytes: 1_000 }, () => now);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await Promise.resolve();
      return { value: "report", bytes: 10 };
    };
    await Promise.all([cache.get("a", load), cache.get("a", load), cache.get("a", load)]);
    now = 365 * 86_400_000;
    expect(await cache.get("a", load)).toBe("report");
    expect(loads).toBe(1);
  });

  it("evicts the least recently used entry by count and by bytes", async () => {
    const cache = new LruCache<string>({ maxEntries: 2, maxBytes: 100 });
    const put = (k: string, bytes = 10) => cache.get(k, () => Promise.resolve({ value: k, bytes }));
    await put("a");
    await put("b");
    await put("a"); // a is now the most recent
    await put("c"); // over the count: b goes
    let reloaded = false;
    await cache.get("b", () => {
      reloaded = true;
      return Promise.resolve({ value: "b", bytes: 10 });
    });
    expect(reloaded).toBe(true);
    await put("big", 95); // over the bytes: everything older goes
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(95);
    await put("huge", 1_000); // larger than the whole cache: handed out, not kept
    expect(cache.bytes).toBe(95);
  });

  it("keeps a short-lived answer only for its ttl, and never a failed load", async () => {
    let now = 0;
    const cache = new LruCache<string>({ maxEntries: 10, maxBytes: 1_000 }, () => now);
    let loads = 0;
    const missing = () => {
      loads += 1;
      return Promise.resolve({ value: "missing", bytes: 1, ttlMs: 1_000 });
    };
    await cache.get("m", missing);
    await cache.get("m", missing);
    now = 1_001;
    await cache.get("m", missing);
    expect(loads).toBe(2);
    await expect(cache.get("x", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("x", () => Promise.resolve({ value: "ok", bytes: 1 }))).toBe("ok");
  });
});

describe("concurrencyLimit", () => {
  it("runs at most N at once and all of them eventually", async () => {
    const limit = concurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      limit(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => release.push(r));
        running -= 1;
        return i;
      }),
    );
    let done = 0;
    void Promise.all(tasks).then(() => (done = 5));
    while (done < 5) {
      await new Promise((r) => setImmediate(r));
      expect(running).toBeLessThanOrEqual(2);
      release.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });
});
