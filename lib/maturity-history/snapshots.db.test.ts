import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import {
  insertReconstructed,
  insertSnapshot,
  latestSnapshotAt,
  snapshotHistory,
} from "@/lib/db/maturity-snapshots";
import { migrateDb } from "@/lib/db/migrate";
import { maturitySnapshots } from "@/lib/db/schema";
import type { SnapshotRow } from "@/lib/maturity/snapshot";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import { startSnapshotScheduler, takeSnapshot } from "./scheduler";
import { backfillHistory } from "./backfill";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SOLUTIONS = ["growth", "recsys-ranking", "risk", "search-ranking", "supply-chain"];

const row = (key: string, at: number, over: Partial<SnapshotRow> = {}): SnapshotRow => ({
  takenAt: new Date(at),
  solutionKey: key,
  solutionName: key,
  phase: key === "*" ? null : "Initial",
  provisional: false,
  score: key === "*" ? null : 50,
  progress: key === "*" ? null : 25,
  checks: {},
  kpis: { leadTime: { value: 10, n: 1, approx: false } },
  source: "scheduled",
  ...over,
});

const hasPostgres = await postgresAvailable();
const targets: { name: string; open: () => Promise<{ handle: DbHandle; drop: () => Promise<void> }> }[] = [
  {
    name: "PGlite",
    open: async () => ({
      handle: await openDb({ kind: "pglite", dir: null }),
      drop: () => Promise.resolve(),
    }),
  },
  ...(hasPostgres
    ? [
        {
          name: "PostgreSQL",
          open: async () => {
            const scratch = await createScratchDatabase();
            return { handle: await openDb({ kind: "postgres", url: scratch.url }), drop: scratch.drop };
          },
        },
      ]
    : []),
];

describe("maturity snapshots", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
    process.env.SAGEMAKER_ENDPOINT = emu.url;
    process.env.SAGEMAKER_CACHE_TTL_MS = "0";
    // the collector reads SageDeck's decisions from the configured database: a throw-away PGlite
    process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-snapshots-"));
  }, 120_000);
  afterAll(async () => {
    await emu?.stop();
  });

  describe.each(targets)("on $name", (target) => {
    let handle: DbHandle;
    let drop: () => Promise<void>;
    const count = async (key = "*") =>
      (await handle.db.select().from(maturitySnapshots).where(eq(maturitySnapshots.solutionKey, key))).length;

    beforeAll(async () => {
      ({ handle, drop } = await target.open());
      await migrateDb(handle);
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
      await drop?.();
    });
    beforeEach(async () => {
      await handle.db.delete(maturitySnapshots);
    });

    it("reads one key's history within the window, oldest first", async () => {
      const now = Date.now();
      await insertSnapshot(handle.db, [row("*", now - 40 * DAY), row("risk", now - 40 * DAY)]);
      await insertSnapshot(handle.db, [row("*", now - HOUR), row("risk", now - HOUR, { score: 70 })]);
      await insertSnapshot(handle.db, [row("*", now - 10 * DAY), row("risk", now - 10 * DAY, { score: 60 })]);
      const h = await snapshotHistory(handle.db, "risk", 30);
      expect(h.map((r) => r.score)).toEqual([60, 70]);
      expect((await snapshotHistory(handle.db, "risk", 90)).map((r) => r.score)).toEqual([50, 60, 70]);
      expect(await snapshotHistory(handle.db, "nobody", 90)).toEqual([]);
      expect((await latestSnapshotAt(handle.db))?.getTime()).toBe(now - HOUR);
    });

    it("thins a long history evenly to at most 500 points, keeping the first and the last", async () => {
      const start = Date.now() - 60 * DAY;
      const rows = Array.from({ length: 1201 }, (_, i) => row("*", start + i * HOUR, { score: i }));
      await insertSnapshot(handle.db, rows);
      const h = await snapshotHistory(handle.db, "*", 90);
      expect(h).toHaveLength(500);
      expect(h[0]?.score).toBe(0);
      expect(h.at(-1)?.score).toBe(1200);
      const gaps = h.slice(1).map((r, i) => (r.score ?? 0) - (h[i]?.score ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(3);
    });

    it("stores a snapshot all or nothing, and skips when another was stored within the given time", async () => {
      const now = Date.now();
      await expect(
        insertSnapshot(handle.db, [row("*", now), row("risk", now, { score: null })]),
      ).resolves.toBe(true);
      const bad = [row("*", now), { ...row("risk", now), solutionName: null as unknown as string }];
      await expect(insertSnapshot(handle.db, bad)).rejects.toThrow();
      expect(await count()).toBe(1); // the org row of the failed snapshot was rolled back
      // two instances racing: only the first stores
      const since = new Date(now - 30 * 60_000);
      const raced = await Promise.all([
        insertSnapshot(handle.db, [row("*", now + 1)], { skipIfNewerThan: since }),
        insertSnapshot(handle.db, [row("*", now + 2)], { skipIfNewerThan: since }),
      ]);
      expect(raced).toEqual([false, false]); // the one at `now` is newer than `since`
      await handle.db.delete(maturitySnapshots);
      const fresh = await Promise.all([
        insertSnapshot(handle.db, [row("*", now + 1)], { skipIfNewerThan: since }),
        insertSnapshot(handle.db, [row("*", now + 2)], { skipIfNewerThan: since }),
      ]);
      expect(fresh.filter(Boolean)).toHaveLength(1);
      expect(await count()).toBe(1);
    });

    it("fills reconstructed history only for keys that have no snapshot", async () => {
      await insertSnapshot(handle.db, [row("risk", Date.now() - DAY)]);
      const rows = ["*", "risk", "growth"].flatMap((k) =>
        [3, 2, 1].map((w) => row(k, Date.now() - w * 7 * DAY, { source: "reconstructed" })),
      );
      expect(await insertReconstructed(handle.db, rows)).toEqual(["*", "growth"]);
      expect(await count("risk")).toBe(1);
      expect(await count("growth")).toBe(3);
      expect(await insertReconstructed(handle.db, rows)).toEqual([]);
    });

    it("the scheduler takes a snapshot at start when the newest is stale, not when it is fresh", async () => {
      await insertSnapshot(handle.db, [row("*", Date.now() - 2 * HOUR)]);
      const stale = startSnapshotScheduler({ db: handle.db, intervalMs: HOUR });
      expect(await stale.first).toBe("taken");
      stale.stop();
      expect(await count()).toBe(2);
      const keys = (await handle.db.select().from(maturitySnapshots)).map((r) => r.solutionKey);
      expect(new Set(keys)).toEqual(new Set(["*", ...SOLUTIONS]));
      const latest = await snapshotHistory(handle.db, "risk", 1);
      expect(latest[0]).toMatchObject({ source: "scheduled", phase: "Reliable" });

      const fresh = startSnapshotScheduler({ db: handle.db, intervalMs: HOUR });
      expect(await fresh.first).toBe("fresh");
      fresh.stop();
      expect(await count()).toBe(2);
    }, 120_000);

    it("one snapshot at a time per process: concurrent calls share one collection and one insert", async () => {
      const [a, b] = await Promise.all([
        takeSnapshot("manual", { db: handle.db }),
        takeSnapshot("manual", { db: handle.db }),
      ]);
      expect(a).toEqual(b);
      expect(a.solutions).toBe(SOLUTIONS.length);
      expect(await count()).toBe(1);
    }, 120_000);

    it("backfills 12 weekly reconstructed points on an empty table, once", async () => {
      const filled = await backfillHistory(handle.db);
      expect(filled.sort()).toEqual(["*", ...SOLUTIONS].sort());
      const risk = await snapshotHistory(handle.db, "risk", 90);
      expect(risk).toHaveLength(12);
      expect(risk.every((r) => r.source === "reconstructed")).toBe(true);
      expect(await backfillHistory(handle.db)).toEqual([]);
      expect(await count("risk")).toBe(12);
    }, 120_000);
  });
});
