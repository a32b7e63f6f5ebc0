import { describe, expect, it } from "vitest";
import { ReadCache } from "./cache";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("ReadCache", () => {
  it("coalesces N concurrent identical reads into one upstream call", async () => {
    const cache = new ReadCache();
    const d = deferred<string>();
    let calls = 0;
    const load = () => {
      calls += 1;
      return d.promise;
    };
    const reads = Array.from({ length: 10 }, () => cache.get("pipelines:list", 1_000, load));
    d.resolve("value");
    expect(await Promise.all(reads)).toEqual(Array(10).fill("value"));
    expect(calls).toBe(1);
  });

  it("serves from cache within the TTL and reloads after it", async () => {
    let now = 1_000;
    const cache = new ReadCache(() => now);
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    expect(await cache.get("k", 500, load)).toBe(1);
    now += 499;
    expect(await cache.get("k", 500, load)).toBe(1);
    now += 1;
    expect(await cache.get("k", 500, load)).toBe(2);
  });

  it("keeps different keys apart", async () => {
    const cache = new ReadCache();
    expect(await cache.get("a", 1_000, () => Promise.resolve("A"))).toBe("A");
    expect(await cache.get("b", 1_000, () => Promise.resolve("B"))).toBe("B");
  });

  it("does not cache failures: the next read calls upstream again", async () => {
    const cache = new ReadCache();
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error("throttled"));
    };
    const both = [cache.get("k", 1_000, failing), cache.get("k", 1_000, failing)];
    await expect(both[0]).rejects.toThrow("throttled");
    await expect(both[1]).rejects.toThrow("throttled");
    expect(calls).toBe(1);
    expect(await cache.get("k", 1_000, () => Promise.resolve("ok"))).toBe("ok");
    expect(calls).toBe(1);
    expect(cache.size).toBe(1);
  });

  it("does not cache a loader that throws synchronously", async () => {
    const cache = new ReadCache();
    await expect(
      cache.get("k", 1_000, () => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    expect(await cache.get("k", 1_000, () => Promise.resolve(1))).toBe(1);
  });

  it("invalidates by key prefix and leaves other keys alone", async () => {
    const cache = new ReadCache();
    let n = 0;
    const load = () => Promise.resolve(++n);
    await cache.get("pipelines:list", 60_000, load); // 1
    await cache.get("pipelines:detail:p1", 60_000, load); // 2
    await cache.get("models:list", 60_000, load); // 3
    cache.invalidate("pipelines:");
    expect(await cache.get("pipelines:list", 60_000, load)).toBe(4);
    expect(await cache.get("pipelines:detail:p1", 60_000, load)).toBe(5);
    expect(await cache.get("models:list", 60_000, load)).toBe(3);
  });

  it("does not keep a value that was in flight during an invalidation", async () => {
    const cache = new ReadCache();
    const d = deferred<string>();
    const stale = cache.get("pipelines:list", 60_000, () => d.promise);
    cache.invalidate("pipelines:");
    // a read after the write starts a fresh call instead of joining the stale one
    const fresh = cache.get("pipelines:list", 60_000, () => Promise.resolve("after-write"));
    d.resolve("before-write");
    expect(await stale).toBe("before-write");
    expect(await fresh).toBe("after-write");
    expect(await cache.get("pipelines:list", 60_000, () => Promise.resolve("reloaded"))).toBe("after-write");
  });

  it("serves an expired value with its 'as of' time when the reload fails transiently (stale-while-error)", async () => {
    let now = 1_000;
    const cache = new ReadCache(() => now, 100, 60_000);
    const transient = (err: unknown) => (err as Error).message === "throttled";
    expect(await cache.get("k", 500, () => Promise.resolve("v1"))).toBe("v1");
    now += 600;
    const throttled = () => Promise.reject(new Error("throttled"));
    expect(await cache.read("k", 500, throttled, transient)).toEqual({ value: "v1", staleSince: 1_000 });
    // other failures (not found, validation…) are not hidden behind a stale value
    await expect(cache.read("k", 500, () => Promise.reject(new Error("gone")), transient)).rejects.toThrow(
      "gone",
    );
    // a write since: the old value is no answer any more
    cache.invalidate("k");
    await expect(cache.read("k", 500, throttled, transient)).rejects.toThrow("throttled");
  });

  it("keeps a stale value for maxStaleMs only, and a fresh read (ttl 0) neither uses nor gets one", async () => {
    let now = 1_000;
    const cache = new ReadCache(() => now, 100, 10_000);
    const transient = () => true;
    const throttled = () => Promise.reject(new Error("throttled"));
    await cache.get("k", 500, () => Promise.resolve("v1"));
    await expect(cache.read("k", 0, throttled, transient)).rejects.toThrow("throttled");
    expect(await cache.get("k", 0, () => Promise.resolve("live"))).toBe("live");
    now += 500 + 10_000;
    await expect(cache.read("k", 500, throttled, transient)).rejects.toThrow("throttled");
  });

  it("offer: a record read later (by a list call) replaces an older entry, never a newer one or an invalidated key", async () => {
    let now = 1_000;
    const cache = new ReadCache(() => now);
    const never = () => Promise.reject(new Error("should be served from the cache"));
    await cache.get("models:version:a", 500, () => Promise.resolve("old"));
    now += 100;
    cache.offer("models:version:a", "from-search", 500, now, cache.currentGeneration);
    expect(await cache.get("models:version:a", 500, never)).toBe("from-search");
    // a value read before the kept one does not replace it
    cache.offer("models:version:a", "older", 500, now - 50, cache.currentGeneration);
    expect(await cache.get("models:version:a", 500, never)).toBe("from-search");
    // a list read started before a write (generation taken before it) does not bring the old record back
    const before = cache.currentGeneration;
    cache.invalidate("models:");
    cache.offer("models:version:a", "pre-write", 500, now + 1, before);
    expect(await cache.get("models:version:a", 500, () => Promise.resolve("re-read"))).toBe("re-read");
    // no caching (ttl 0) keeps nothing
    cache.offer("models:version:b", "x", 0, now, cache.currentGeneration);
    expect(cache.has("models:version:b")).toBe(false);
  });
});
