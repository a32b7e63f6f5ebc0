import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { notificationChannels, notificationOutbox } from "@/lib/db/schema";
import { enqueueNotifications } from "@/lib/notifications/enqueue";
import { deliverDue } from "@/lib/notifications/worker";
import { outboxRows, webhookChannel } from "@/tests/helpers/notification-fixtures";
import { startReceiver, type Receiver } from "@/tests/helpers/notification-receiver";
import { createScratchDatabase, postgresAvailable } from "@/tests/helpers/postgres";
import { waitFor } from "@/tests/helpers/wait";

const hasPostgres = await postgresAvailable();

/** Starts the child (tests/helpers/notify-child.ts) and resolves once it has committed the decision. */
function startChild(mode: "idle" | "send", url: string, group: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.resolve("tests/helpers/notify-child.ts"), mode, group],
    {
      env: { ...process.env, DATABASE_URL: url, NOTIFY_TEST_LEASE_MS: "1000" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  const committed = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("committed")) resolve();
    });
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", () => reject(new Error(`the child exited early: ${out}`)));
  });
  const exited = new Promise((r) => child.once("exit", r));
  return { child, committed, exited, output: () => out };
}

// Needs PostgreSQL: several processes (and pools) on one database, as replicas are.
describe.runIf(hasPostgres)("notifications with crashes and several workers (PostgreSQL)", () => {
  let handle: DbHandle;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    handle = await openDb({ kind: "postgres", url: scratch.url });
    await migrateDb(handle);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
    await handle.db.delete(notificationOutbox);
    await handle.db.delete(notificationChannels);
  });
  afterAll(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  it("killed after the commit, before a send: the restarted worker sends the message once", async () => {
    const r = await startReceiver(null);
    receivers.push(r);
    await webhookChannel(handle.db, r.url);
    const c = startChild("idle", scratch.url, "crash-idle");
    await c.committed;
    c.child.kill("SIGKILL");
    await c.exited;
    expect(r.received).toHaveLength(0);

    expect(await deliverDue(handle.db)).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(await deliverDue(handle.db)).toEqual({ sent: 0, retried: 0, dead: 0 });
    const [row] = await outboxRows(handle.db);
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(r.received.map((x) => x.delivery)).toEqual([row?.id]);
  }, 60_000);

  it("killed mid-send: after the claim's lease the message goes out again with the same delivery id — once for a receiver that deduplicates", async () => {
    const r = await startReceiver(null, ["hang"]);
    receivers.push(r);
    await webhookChannel(handle.db, r.url);
    const c = startChild("send", scratch.url, "crash-send");
    const arrived = new Promise<void>((resolve) => (r.onRequest = () => resolve()));
    await arrived; // the child's worker is sending: the receiver holds the request
    c.child.kill("SIGKILL");
    await c.exited;
    expect(c.output()).not.toContain("should have been killed");
    const [claimed] = await outboxRows(handle.db);
    expect(claimed).toMatchObject({ status: "pending", attempts: 1 });

    // not due while the dead worker's lease runs; then retried
    expect(await deliverDue(handle.db)).toEqual({ sent: 0, retried: 0, dead: 0 });
    const sent = await waitFor(
      async () => {
        await deliverDue(handle.db);
        const [row] = await outboxRows(handle.db);
        return row?.status === "sent" ? row : undefined;
      },
      { what: "the retry after the lease", timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(sent.attempts).toBe(2);
    expect(r.received.map((x) => x.delivery)).toEqual([sent.id, sent.id]);
    expect([...r.accepted.entries()]).toEqual([[sent.id, 1]]);
  }, 60_000);

  it("two workers on one PostgreSQL (own pools) send each of 60 messages exactly once", async () => {
    const r = await startReceiver(null);
    receivers.push(r);
    await webhookChannel(handle.db, r.url, { eventTypes: ["version.waiting"] });
    for (let i = 0; i < 60; i++) {
      await handle.db.transaction((tx) =>
        enqueueNotifications(tx, {
          id: `version-waiting:arn:two/${i}`,
          type: "version.waiting",
          occurredAt: new Date().toISOString(),
          title: `two v${i} is waiting for approval`,
          summary: "",
          path: `/models/two/${i}`,
          group: "two",
          data: {},
        }),
      );
    }
    const other = await openDb({ kind: "postgres", url: scratch.url });
    try {
      const reports = await Promise.all(
        [handle, other, handle, other].map((h) => deliverDue(h.db, { batch: 3, rounds: 50 })),
      );
      expect(reports.reduce((n, x) => n + x.sent, 0)).toBe(60);
      expect(reports.filter((x) => x.sent > 0).length).toBeGreaterThan(1); // both really worked
    } finally {
      await other.close();
    }
    const rows = await outboxRows(handle.db);
    expect(rows.every((x) => x.status === "sent" && x.attempts === 1)).toBe(true);
    expect(r.received).toHaveLength(60);
    expect(new Set(r.received.map((x) => x.delivery)).size).toBe(60);
  }, 60_000);
});
