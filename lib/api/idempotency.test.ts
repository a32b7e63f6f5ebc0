import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { claimKey, hashRequest, readKey } from "@/lib/db/idempotency";
import { migrateDb } from "@/lib/db/migrate";
import { ConflictError, KeyInUseError } from "@/lib/errors";
import { dbTargets } from "@/tests/helpers/db-targets";
import { handleApiError } from "./errors";
import { idempotencyTiming, runIdempotent } from "./idempotency";

const targets = await dbTargets();
const defaults = { ...idempotencyTiming };

describe.each(targets)("the Idempotency-Key mechanism on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let n = 0;
  const scope = () => ({ key: `key-${Date.now()}-${n++}`, actor: "7", route: "POST /api/x" });
  const counter = () => {
    const c = {
      calls: 0,
      run: () => {
        c.calls += 1;
        return Promise.resolve(Response.json({ n: c.calls }, { status: 201 }));
      },
    };
    return c;
  };

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
  });
  afterAll(() => cleanup());
  afterEach(() => Object.assign(idempotencyTiming, defaults));

  it("replays the first answer (status, body, Idempotent-Replayed) without running again", async () => {
    const s = scope();
    const c = counter();
    const first = await runIdempotent(handle.db, s, { a: 1 }, true, c.run);
    const again = await runIdempotent(handle.db, s, { a: 1 }, true, c.run);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(c.calls).toBe(1);
    // another user with the same key is independent
    await runIdempotent(handle.db, { ...s, actor: "8" }, { a: 1 }, true, c.run);
    expect(c.calls).toBe(2);
  });

  it("refuses the same key with a different body (409)", async () => {
    const s = scope();
    const c = counter();
    await runIdempotent(handle.db, s, { a: 1 }, true, c.run);
    await expect(runIdempotent(handle.db, s, { a: 2 }, true, c.run)).rejects.toBeInstanceOf(ConflictError);
    expect(c.calls).toBe(1);
  });

  it("concurrent identical requests take effect once and all get the same answer", async () => {
    const s = scope();
    const c = counter();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => runIdempotent(handle.db, s, { a: 1 }, true, c.run)),
    );
    expect(c.calls).toBe(1);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(new Set(bodies.map((b) => JSON.stringify(b)))).toEqual(new Set(['{"n":1}']));
  });

  it("a key whose first request died (its lease lapsed) can be retried, and takes effect once", async () => {
    const s = scope();
    // the first request claimed the key, then its process died: nobody renews the lease
    expect(await claimKey(handle.db, s, hashRequest({ a: 1 }), -1_000)).toBe(true);
    const c = counter();
    const retry = await runIdempotent(handle.db, s, { a: 1 }, true, c.run);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBeNull();
    const again = await runIdempotent(handle.db, s, { a: 1 }, true, c.run);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(c.calls).toBe(1);
    expect((await readKey(handle.db, s))?.status).toBe(201);
  });

  it("a key still held under a live lease answers 409 'still running' with when to retry (Retry-After)", async () => {
    const s = scope();
    expect(await claimKey(handle.db, s, hashRequest({ a: 1 }), 8_000)).toBe(true);
    idempotencyTiming.waitMs = 0;
    const c = counter();
    const err = await runIdempotent(handle.db, s, { a: 1 }, true, c.run).catch((e: unknown) => e);
    expect(c.calls).toBe(0);
    expect(err).toBeInstanceOf(KeyInUseError);
    const answer = handleApiError(err, "req-1", "POST /api/x");
    expect(answer.status).toBe(409);
    const seconds = Number(answer.headers.get("Retry-After"));
    // the seconds until the holder's lease lapses (8 s here), not a minute
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(8);
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message).toMatch(new RegExp(`still running; try again in ${seconds} s`));
  });

  it("a failed first answer frees the key, so the retry runs", async () => {
    const s = scope();
    const failing = () => Promise.resolve(Response.json({ error: { code: "x" } }, { status: 503 }));
    expect((await runIdempotent(handle.db, s, {}, true, failing)).status).toBe(503);
    await expect(
      runIdempotent(handle.db, s, {}, true, () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    const c = counter();
    expect((await runIdempotent(handle.db, s, {}, true, c.run)).status).toBe(201);
    expect(c.calls).toBe(1);
  });

  it("a refresh hook brings a replayed answer up to date", async () => {
    const s = scope();
    const c = counter();
    await runIdempotent(handle.db, s, {}, true, c.run);
    const refresh = (a: { status: number; body: unknown }) =>
      Promise.resolve({ status: 200, body: { was: a.body } });
    const again = await runIdempotent(handle.db, s, {}, { refresh }, c.run);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ was: { n: 1 } });
  });
});
