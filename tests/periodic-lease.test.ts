/** lib/periodic-lease.ts on real PostgreSQL: one run of a job at a time across processes (two pools here). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { withJobLease } from "@/lib/periodic-lease";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";

const run = await postgresAvailable();

describe.runIf(run)("withJobLease (PostgreSQL advisory lock)", () => {
  let db: { url: string; drop: () => Promise<void> };
  let a: DbHandle;
  let b: DbHandle;
  beforeAll(async () => {
    db = await createScratchDatabase();
    [a, b] = await Promise.all([
      openDb({ kind: "postgres", url: db.url }),
      openDb({ kind: "postgres", url: db.url }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
  });

  it("while A runs the job, B's run is skipped; B may run it once A is done; other jobs are not blocked", async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    let started = () => undefined as void;
    const running = new Promise<void>((r) => (started = r));
    const first = withJobLease(a, "reconciler", async () => {
      started();
      await held;
      return "a";
    });
    await running;
    expect(await withJobLease(b, "reconciler", () => Promise.resolve("b"))).toEqual({ ran: false });
    expect(await withJobLease(b, "run reconciler", () => Promise.resolve("other"))).toEqual({
      ran: true,
      result: "other",
    });
    release();
    expect(await first).toEqual({ ran: true, result: "a" });
    expect(await withJobLease(b, "reconciler", () => Promise.resolve("b"))).toEqual({
      ran: true,
      result: "b",
    });
  });

  it("a failing run releases the lock", async () => {
    await expect(withJobLease(a, "job", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withJobLease(b, "job", () => Promise.resolve(1))).toEqual({ ran: true, result: 1 });
  });
});
