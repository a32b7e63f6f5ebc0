import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { notificationChannels, notificationOutbox } from "@/lib/db/schema";
import { updateChannel } from "@/lib/notifications/channels";
import { enqueueNotifications } from "@/lib/notifications/enqueue";
import { backoffMs, requeue } from "@/lib/notifications/outbox";
import { deliverDue, deliverNow } from "@/lib/notifications/worker";
import { dbTargets } from "@/tests/helpers/db-targets";
import { failAuditInserts } from "@/tests/helpers/fail-audit";
import { ada, applyDecision, outboxRows, webhookChannel } from "@/tests/helpers/notification-fixtures";
import { downUrl, startReceiver, type Receiver } from "@/tests/helpers/notification-receiver";
import { waitFor } from "@/tests/helpers/wait";

const fast = { baseDelayMs: 20, maxDelayMs: 80, maxAttempts: 4, timeoutMs: 2_000 };

describe.each(await dbTargets())("notification delivery on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const receivers: Receiver[] = [];
  const receiver = async (secret: string | null, answers: (number | "hang")[] = []) => {
    const r = await startReceiver(secret, answers);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
    await handle.db.delete(notificationOutbox);
    await handle.db.delete(notificationChannels);
  });
  afterAll(() => cleanup());

  it("a finished decision's notification commits with its outcome and audit row — and not without them", async () => {
    await webhookChannel(handle.db, "https://example.invalid/hook");
    const done = await applyDecision(handle.db, "atomic-g", 1);
    expect(done?.state).toBe("applied");
    const rows = await outboxRows(handle.db, `decision:${done?.id}:applied`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventType: "decision.applied", status: "pending", attempts: 0 });

    const restore = await failAuditInserts(handle.db);
    try {
      await expect(applyDecision(handle.db, "atomic-g", 2)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await outboxRows(handle.db)).toHaveLength(1); // the failed transaction left no notification
  });

  it("the same event enqueued twice (a reconciler and a request) is one delivery", async () => {
    await webhookChannel(handle.db, "https://example.invalid/hook");
    const event = {
      id: "version-waiting:arn:x/1",
      type: "version.waiting" as const,
      occurredAt: new Date().toISOString(),
      title: "g v1 is waiting for approval",
      summary: "",
      path: "/models/g/1",
      group: "g",
      data: {},
    };
    expect(await enqueueNotifications(handle.db, event)).toBe(1);
    expect(await enqueueNotifications(handle.db, event)).toBe(0);
    expect(await outboxRows(handle.db)).toHaveLength(1);
  });

  it("a receiver answering 500 then 200: retried after a backoff, signed, sent once", async () => {
    const verifying = await receiver(null, [500]);
    const { secret } = await webhookChannel(handle.db, verifying.url);
    if (!secret) throw new Error("a webhook channel has a secret");
    verifying.secret = secret; // the receiver verifies every request's signature with the channel's secret
    const done = await applyDecision(handle.db, "retry-g", 1);

    const first = await deliverDue(handle.db, { ...fast, rounds: 1 });
    expect(first).toEqual({ sent: 0, retried: 1, dead: 0 });
    const [afterFirst] = await outboxRows(handle.db);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, lastResponseCode: 500 });
    expect(afterFirst?.lastError).toContain("HTTP 500");
    expect(afterFirst!.nextAttemptAt.getTime()).toBeGreaterThan(afterFirst!.updatedAt.getTime());

    const sent = await waitFor(
      async () => {
        await deliverDue(handle.db, fast);
        const [row] = await outboxRows(handle.db);
        return row?.status === "sent" ? row : undefined;
      },
      { what: "the retry to be sent" },
    );
    expect(sent).toMatchObject({ attempts: 2, lastResponseCode: 200, lastError: null });
    expect(verifying.received.map((x) => x.status)).toEqual([500, 200]);
    expect(verifying.received.every((x) => x.signatureValid)).toBe(true);
    expect(new Set(verifying.received.map((x) => x.delivery))).toEqual(new Set([sent.id]));
    expect([...verifying.accepted.values()]).toEqual([1]);
    const body = verifying.received[1]?.body;
    expect(body).toMatchObject({
      id: `decision:${done?.id}:applied`,
      delivery: sent.id,
      type: "decision.applied",
      title: "Alex Approver approved retry-g v1",
    });
    expect(String(body?.url)).toMatch(/\/models\/retry-g\/1$/);
    expect(verifying.received[1]?.event).toBe("decision.applied");

    // nothing more goes out: the delivery is done
    await deliverDue(handle.db, fast);
    expect(verifying.received).toHaveLength(2);
  });

  it("a receiver down for the whole window: backed off, dead-lettered with every attempt recorded; 'send again' delivers it", async () => {
    const { channel } = await webhookChannel(handle.db, await downUrl());
    await applyDecision(handle.db, "dead-g", 1);
    const dead = await waitFor(
      async () => {
        await deliverDue(handle.db, fast);
        const [row] = await outboxRows(handle.db);
        return row?.status === "dead" ? row : undefined;
      },
      { what: "the delivery to be dead-lettered" },
    );
    expect(dead).toMatchObject({ attempts: fast.maxAttempts, lastResponseCode: null, sentAt: null });
    expect(dead.lastError).toMatch(/Could not reach 127\.0\.0\.1:\d+/);
    expect(await deliverDue(handle.db, fast)).toEqual({ sent: 0, retried: 0, dead: 0 });

    const back = await receiver(null);
    await updateChannel({ db: handle.db, user: ada }, channel.id, { target: back.url });
    expect((await requeue(handle.db, dead.id))?.status).toBe("pending");
    const after = await deliverNow(handle.db, dead.id, fast);
    expect(after).toMatchObject({ status: "sent", attempts: 1, lastResponseCode: 200 });
    expect(back.received.map((x) => x.delivery)).toEqual([dead.id]);
  });

  it("a channel disabled after its deliveries were queued sends none of them; enabled again, 'send again' does", async () => {
    const live = await receiver(null);
    const { channel } = await webhookChannel(handle.db, live.url);
    await applyDecision(handle.db, "disabled-g", 1);
    await updateChannel({ db: handle.db, user: ada }, channel.id, { enabled: false });
    expect(await deliverDue(handle.db, fast)).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect(live.received).toHaveLength(0);
    const [row] = await outboxRows(handle.db);
    expect(row).toMatchObject({ status: "dead", sentAt: null });
    expect(row?.lastError).toMatch(/channel .* is disabled\. Enable it, then use Send again/);

    await updateChannel({ db: handle.db, user: ada }, channel.id, { enabled: true });
    await requeue(handle.db, row?.id ?? "");
    expect(await deliverNow(handle.db, row?.id ?? "", fast)).toMatchObject({ status: "sent" });
    expect(live.received.map((x) => x.delivery)).toEqual([row?.id]);
  });

  it("Slack and Teams channels get their incoming-webhook formats with the link to the page", async () => {
    const slack = await receiver(null);
    const teams = await receiver(null);
    await webhookChannel(handle.db, slack.url, { kind: "slack", name: "slack" });
    await webhookChannel(handle.db, teams.url, { kind: "teams", name: "teams" });
    await applyDecision(handle.db, "chat-g", 3);
    expect(await deliverDue(handle.db, fast)).toEqual({ sent: 2, retried: 0, dead: 0 });
    const s = slack.received[0]?.body as { text: string; blocks: { type: string }[] };
    expect(s.text).toMatch(/^Alex Approver approved chat-g v3 — http.*\/models\/chat-g\/3$/);
    expect(s.blocks.map((b) => b.type)).toEqual(["section", "actions"]);
    const t = teams.received[0]?.body as {
      "@type": string;
      potentialAction: { targets: { uri: string }[] }[];
    };
    expect(t["@type"]).toBe("MessageCard");
    expect(t.potentialAction[0]?.targets[0]?.uri).toMatch(/\/models\/chat-g\/3$/);
  });
});

describe("backoff", () => {
  it("doubles from the base up to the cap, with jitter in the upper half", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 1000, 5000, () => 1))).toEqual([1000, 2000, 4000, 5000]);
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 1000, 5000, () => 0))).toEqual([500, 1000, 2000, 2500]);
  });

  it("with the defaults a receiver down for an hour loses nothing (the retries span more than an hour)", () => {
    let least = 0;
    for (let attempt = 1; attempt < 15; attempt++) least += backoffMs(attempt, 10_000, 15 * 60_000, () => 0);
    expect(least).toBeGreaterThan(3_600_000);
  });
});
