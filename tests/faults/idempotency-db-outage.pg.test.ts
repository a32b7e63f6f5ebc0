/**
 * Issue 17 follow-up: an Idempotency-Key whose request could not store or free it because PostgreSQL was
 * unreachable at the end. The first request with key K runs; the database is cut (TCP proxy) before its answer is
 * stored, so the key stays held; the database comes back and the client retries with K. The retry is served (the
 * held key's short lease lapses while the retry waits) — before, the key was held under a 60 s lease and the retry
 * answered 409 "still running" for up to a minute. A completed request is still replayed, never run again.
 * Real PostgreSQL through a real TCP proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIdempotent } from "@/lib/api/idempotency";
import { openDb, type DbHandle } from "@/lib/db/client";
import { readKey } from "@/lib/db/idempotency";
import { migrateDb } from "@/lib/db/migrate";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import { startTcpProxy, type TcpProxy } from "@/tests/helpers/tcp-proxy";

const run = await postgresAvailable();

describe.runIf(run)("an Idempotency-Key held through a database outage", () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let proxy: TcpProxy;
  let handle: DbHandle;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    proxy = await startTcpProxy("127.0.0.1", Number(new URL(scratch.url).port || 5432));
    handle = await openDb({ kind: "postgres", url: proxy.url(scratch.url) });
    await migrateDb(handle);
  }, 60_000);
  afterAll(async () => {
    proxy?.restore();
    await handle?.close();
    await proxy?.close();
    await scratch?.drop();
  });

  it("a retry with the same key after the outage is served, not 409 'still running', and counts once", async () => {
    const scope = { key: `outage-${Date.now()}`, actor: "7", route: "POST /api/x" };
    const body = { a: 1 };
    let calls = 0;
    const work = (cutFirst: boolean) => () => {
      calls += 1;
      if (cutFirst) proxy.cut(); // the database goes away while the request works: its answer cannot be stored
      return Promise.resolve(Response.json({ n: calls }, { status: 201 }));
    };

    await expect(runIdempotent(handle.db, scope, body, true, work(true))).rejects.toThrow();
    expect(calls).toBe(1);
    proxy.restore();
    // the key is still held: neither stored nor freed
    const held = await readKey(handle.db, scope);
    expect(held?.status).toBeNull();

    const retry = await runIdempotent(handle.db, scope, body, true, work(false));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await retry.json()).toEqual({ n: 2 });

    // the retry's answer is stored: a further repeat gets it back and runs nothing
    const replay = await runIdempotent(handle.db, scope, body, true, work(false));
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.json()).toEqual({ n: 2 });
    expect(calls).toBe(2);
  }, 60_000);
});
