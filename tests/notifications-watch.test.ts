import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { findModelVersion } from "@/lib/sagemaker/registry/reads";
import { watchForNotifications } from "@/lib/notifications/watch";
import { deliverDue } from "@/lib/notifications/worker";
import { createGroup, registerVersion } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { outboxRows, webhookChannel } from "@/tests/helpers/notification-fixtures";
import { startReceiver, type Receiver } from "@/tests/helpers/notification-receiver";

const emu = emulatorFixture({ dataDir: "sagedeck-notify-watch-", noCache: true });

describe("the approvals watcher", () => {
  let handle: DbHandle;
  let receiver: Receiver;
  const group = `watch-${Date.now() % 100000}`;

  beforeAll(async () => {
    handle = await openDb({ kind: "pglite", dir: null });
    await migrateDb(handle);
    await createGroup(emu.url(), group, "watch-team");
    receiver = await startReceiver(null);
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await handle?.close();
  });

  it("reads nothing from SageMaker while nobody listens, then notices a waiting version once, with its evidence", async () => {
    await registerVersion(emu.url(), group, "sam", { auc: 0.912 });
    expect(await watchForNotifications(handle.db)).toEqual({
      waiting: 0,
      slaWarning: 0,
      slaMissed: 0,
      exemptionExpiring: 0,
      runFailed: 0,
    });
    const { secret } = await webhookChannel(handle.db, receiver.url, {
      eventTypes: ["version.waiting"],
      groupFilter: group,
    });
    receiver.secret = secret;

    const first = await watchForNotifications(handle.db);
    expect(first.waiting).toBe(1); // only the filtered group's version reaches this channel
    expect((await watchForNotifications(handle.db)).waiting).toBe(0); // seen: not enqueued again

    const { arn } = await findModelVersion(group, 1, true);
    const [row] = await outboxRows(handle.db, `version-waiting:${arn}`);
    expect(row?.eventType).toBe("version.waiting");
    expect(await deliverDue(handle.db)).toMatchObject({ sent: 1 });
    const got = receiver.received[0];
    expect(got?.signatureValid).toBe(true);
    expect(got?.body).toMatchObject({
      type: "version.waiting",
      title: `${group} v1 is waiting for approval`,
      group,
    });
    expect(String(got?.body.url)).toMatch(new RegExp(`/models/${group}/1$`));
    expect(String(got?.body.summary)).toMatch(/auc 0\.912/i);
  });
});
