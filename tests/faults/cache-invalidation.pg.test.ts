/**
 * Issue 17 item 2: replicas must not decide on each other's stale reads. A write on replica A (this process's
 * sagemakerWrite, publishing over PostgreSQL NOTIFY) drops replica B's cached read (its own ReadCache and
 * listening connection, as a second SageDeck process has) within a bounded time; after B's listening connection
 * is terminated by the server it reconnects and invalidation works again. Real PostgreSQL and emulator.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReadCache } from "@/lib/sagemaker/cache";
import { getInvalidationBus } from "@/lib/sagemaker/call";
import { PgInvalidationBus } from "@/lib/sagemaker/invalidation";
import { describeModelVersion, listAllGroupVersions, listModelGroups } from "@/lib/sagemaker/registry/reads";
import { setLifecycle } from "@/lib/sagemaker/registry/writes";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { postgresForApp } from "@/tests/helpers/postgres";
import { waitFor } from "@/tests/helpers/wait";

const db = await postgresForApp();
emulatorFixture({ dataDir: "sagedeck-faults-invalidation-" });
/** bounded: far below the read cache's TTL (15 s by default, 60 s for B below) */
const BOUND_MS = 2_000;

const cacheB = new ReadCache();
let busB: PgInvalidationBus;
let arn = "";
const key = () => `models:version:${arn}`;
const readOnB = () => cacheB.get(key(), 60_000, () => describeModelVersion(arn, true));

async function writeOnA(description: string): Promise<number> {
  await setLifecycle({ arn, stage: "Development", stageStatus: "Testing", description });
  return performance.now();
}

async function droppedOnB(since: number): Promise<number> {
  await waitFor(() => (cacheB.has(key()) ? undefined : true), {
    what: "replica B's cached read to be invalidated",
    timeoutMs: BOUND_MS,
    intervalMs: 2,
  });
  return performance.now() - since;
}

beforeAll(async () => {
  const [group] = await listModelGroups();
  arn = (await listAllGroupVersions(group?.name ?? ""))[0]?.arn ?? "";
  expect(arn).not.toBe("");
  busB = new PgInvalidationBus(db.url, cacheB).start();
  await busB.listening();
  await getInvalidationBus()?.listening();
  expect(getInvalidationBus()).not.toBeNull(); // DATABASE_URL is PostgreSQL: replica A publishes
});
afterAll(async () => {
  await busB.close();
  await getInvalidationBus()?.close();
  await db.drop();
});

describe("cross-replica cache invalidation (PostgreSQL LISTEN/NOTIFY)", () => {
  it(`a write through replica A drops replica B's cached read within ${BOUND_MS} ms; B then reads the new state`, async () => {
    await readOnB();
    expect(cacheB.has(key())).toBe(true);
    const ms = await droppedOnB(await writeOnA("written on A"));
    console.log(`invalidation reached replica B ${ms.toFixed(1)} ms after A's write returned`);
    expect((await readOnB()).stageDescription).toBe("written on A");
  });

  it("B's listener reconnects after pg_terminate_backend, and invalidation works again", async () => {
    const pid = busB.backendPid;
    expect(pid).not.toBeNull();
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const r = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [pid]);
      expect(r.rows[0]?.ok).toBe(true);
    } finally {
      await admin.end();
    }
    await waitFor(() => (busB.backendPid !== null && busB.backendPid !== pid ? true : undefined), {
      what: "B's listener to reconnect",
      timeoutMs: 10_000,
    });
    await readOnB();
    expect(cacheB.has(key())).toBe(true);
    await droppedOnB(await writeOnA("written on A after B reconnected"));
    expect((await readOnB()).stageDescription).toBe("written on A after B reconnected");
  });
});
