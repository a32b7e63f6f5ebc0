import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { listAuditEvents } from "@/lib/db/audit";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { startEmulator, type RunningEmulator } from "@/tests/helpers/emulator";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import { startRun } from "@/lib/pipelines/runs";

const hasPostgres = await postgresAvailable();
const sam: SessionUser = {
  id: "2",
  username: "sam",
  name: "Sam",
  role: "scientist",
  provider: "credentials",
};

describe.runIf(hasPostgres)("pipeline start idempotency on PostgreSQL", () => {
  let emu: RunningEmulator;
  let handle: DbHandle;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    emu = await startEmulator();
    process.env.SAGEMAKER_ENDPOINT = emu.url;
    process.env.SAGEMAKER_CACHE_TTL_MS = "0";
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    handle = await openDb({ kind: "postgres", url: scratch.url });
    await migrateDb(handle);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    await drop?.();
    await emu?.stop();
  });

  it("five concurrent submissions with one key start one execution and write one audit event", async () => {
    const ctx = { db: handle.db, user: sam, idempotencyKey: `pg-key-${Date.now()}` };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        startRun(ctx, "fraud-graph-train", { parameters: { NumRound: "150" } }),
      ),
    );
    expect(new Set(results.map((r) => r.executionArn)).size).toBe(1);
    const audit = await listAuditEvents(handle.db);
    expect(audit.filter((e) => e.action === "pipelines.start" && e.outcome === "ok")).toHaveLength(1);
    // a different key is a different submission
    const other = await startRun({ ...ctx, idempotencyKey: `${ctx.idempotencyKey}-2` }, "fraud-graph-train", {
      parameters: { NumRound: "150" },
    });
    expect(other.executionArn).not.toBe(results[0]?.executionArn);
  });
});
