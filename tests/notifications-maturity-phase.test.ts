/**
 * maturity.phase_changed (issue 21) on PGlite and PostgreSQL: the snapshot write enqueues one notification per
 * channel for a solution whose phase differs from its previous snapshot, in the snapshot's own transaction (an
 * outbox insert that fails takes the snapshot down with it), nothing when the phase is unchanged; the worker
 * delivers it signed to a real HTTP receiver.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { insertSnapshot } from "@/lib/db/maturity-snapshots";
import { migrateDb } from "@/lib/db/migrate";
import { maturitySnapshots } from "@/lib/db/schema";
import type { SnapshotRow } from "@/lib/maturity/snapshot";
import { deliverDue } from "@/lib/notifications/worker";
import { outboxRows, webhookChannel } from "@/tests/helpers/notification-fixtures";
import { startReceiver, type Receiver } from "@/tests/helpers/notification-receiver";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 8);

const snapshot = (at: number, phases: Record<string, SnapshotRow["phase"]>): SnapshotRow[] => [
  {
    takenAt: new Date(at),
    solutionKey: "*",
    solutionName: "Organisation",
    phase: null,
    provisional: false,
    score: null,
    progress: null,
    checks: {},
    kpis: {},
    source: "scheduled",
  },
  ...Object.entries(phases).map(([key, phase]): SnapshotRow => ({
    takenAt: new Date(at),
    solutionKey: key,
    solutionName: `${key} solution`,
    phase,
    provisional: false,
    score: phase === "Reliable" ? 70 : 45,
    progress: 10,
    checks: { "staging-tests": { status: phase === "Reliable" ? "pass" : "fail" } },
    kpis: {},
    source: "scheduled",
  })),
];

/** Every outbox insert raises: the notification of a phase change cannot be written. */
async function failOutboxInserts(handle: DbHandle): Promise<() => Promise<void>> {
  await handle.db.execute(
    sql.raw(`CREATE OR REPLACE FUNCTION test_fail_outbox() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'injected: the outbox insert failed'; END $$ LANGUAGE plpgsql`),
  );
  await handle.db.execute(
    sql.raw(`CREATE TRIGGER test_fail_outbox BEFORE INSERT ON notification_outbox
      FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()`),
  );
  return async () => {
    await handle.db.execute(sql.raw("DROP TRIGGER IF EXISTS test_fail_outbox ON notification_outbox"));
  };
}

const targets = [
  {
    name: "PGlite",
    open: async () => ({ handle: await openDb({ kind: "pglite", dir: null }), drop: async () => {} }),
  },
  ...((await postgresAvailable())
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

describe.each(targets)("maturity.phase_changed on $name", (target) => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let receiver: Receiver;

  beforeAll(async () => {
    ({ handle, drop } = await target.open());
    await migrateDb(handle);
    receiver = await startReceiver(null);
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await handle?.close();
    await drop?.();
  });

  const risk = async () =>
    handle.db
      .select()
      .from(maturitySnapshots)
      .where(eq(maturitySnapshots.solutionKey, "risk"))
      .orderBy(maturitySnapshots.takenAt);

  it("one outbox row per listening channel with the snapshot that changed the phase, none while it stays", async () => {
    const { channel, secret } = await webhookChannel(handle.db, receiver.url, {
      eventTypes: ["maturity.phase_changed"],
    });
    receiver.secret = secret;
    // a channel for another solution only
    await webhookChannel(handle.db, receiver.url, {
      eventTypes: ["maturity.phase_changed"],
      solutionFilter: "growth",
    });

    await insertSnapshot(handle.db, snapshot(T0, { risk: "Repeatable", growth: "Initial" }));
    await insertSnapshot(handle.db, snapshot(T0 + HOUR, { risk: "Repeatable", growth: "Initial" }));
    expect(await outboxRows(handle.db)).toHaveLength(0); // first snapshot, then unchanged: nothing

    // the outbox insert fails: the snapshot that changed the phase is not stored either (one transaction)
    const restore = await failOutboxInserts(handle);
    await expect(
      insertSnapshot(handle.db, snapshot(T0 + 2 * HOUR, { risk: "Reliable", growth: "Initial" })),
    ).rejects.toThrow();
    await restore();
    expect(await risk()).toHaveLength(2);

    await insertSnapshot(handle.db, snapshot(T0 + 2 * HOUR, { risk: "Reliable", growth: "Initial" }));
    const stored = (await risk()).at(-1);
    const rows = await outboxRows(handle.db);
    expect(rows.map((r) => [r.eventId, r.destination])).toEqual([
      [`maturity-phase:risk:${stored?.id}`, `channel:${channel.id}`],
    ]);

    await insertSnapshot(handle.db, snapshot(T0 + 3 * HOUR, { risk: "Reliable", growth: "Initial" }));
    expect(await outboxRows(handle.db)).toHaveLength(1); // unchanged again: nothing new

    expect(await deliverDue(handle.db)).toMatchObject({ sent: 1 });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    expect(got?.signatureValid).toBe(true);
    expect(got?.body).toMatchObject({
      type: "maturity.phase_changed",
      title: "risk solution moved up to Reliable (from Repeatable)",
      solution: "risk",
      data: { from: "Repeatable", to: "Reliable", direction: "up", snapshotId: stored?.id },
    });
    expect(String(got?.body.summary)).toMatch(/Score 70 \(was 45\)\. Changed: staging-tests fail → pass\./);
    expect(String(got?.body.url)).toMatch(/\/maturity\/risk$/);

    // down the ladder is a change too
    await insertSnapshot(handle.db, snapshot(T0 + 4 * HOUR, { risk: "Repeatable", growth: "Initial" }));
    const down = (await outboxRows(handle.db)).filter((r) => r.status === "pending");
    expect(down).toHaveLength(1);
    expect(down[0]?.payload).toMatchObject({
      title: "risk solution moved down to Repeatable (from Reliable)",
    });
  });
});
