/**
 * A promotion's notification is its rollout's outcome (issue 21): nothing while the endpoint is rolling out,
 * decision.applied once it is InService ("now serving on <endpoint> (InService)"), decision.failed with SageMaker's
 * reason when the rollout fails. Real emulator, PGlite, a real HTTP receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveVersion } from "@/lib/approvals/decide";
import { promoteVersion } from "@/lib/approvals/promote";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { deliverDue } from "@/lib/notifications/worker";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { outboxRows, webhookChannel } from "@/tests/helpers/notification-fixtures";
import { startReceiver, type Receiver } from "@/tests/helpers/notification-receiver";
import { settle } from "@/tests/helpers/rollout-setup";

const emu = emulatorFixture({ speed: 100, dataDir: "sagedeck-notify-rollout-", noCache: true });
const alex = user("alex");

describe("rollout notifications", () => {
  let handle: DbHandle;
  let receiver: Receiver;
  const group = `rollout-${Date.now() % 100000}`;
  const ctx = () => ({ db: handle.db, user: alex });

  beforeAll(async () => {
    handle = await openDb({ kind: "pglite", dir: null });
    await migrateDb(handle);
    await createGroup(emu.url(), group, "rollout-team");
    receiver = await startReceiver(null);
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await handle?.close();
  });

  it("a promotion notifies once its endpoint is InService, and a failed rollout with SageMaker's reason", async () => {
    const { secret } = await webhookChannel(handle.db, receiver.url, {
      eventTypes: ["decision.applied", "decision.failed"],
      groupFilter: group,
    });
    receiver.secret = secret;
    await registerVersion(emu.url(), group, "someone"); // v1
    await registerVersion(emu.url(), group, "someone", { image: false }); // v2: cannot be served
    for (const version of [1, 2])
      await approveVersion(ctx(), { group, version, expectedStatus: "PendingManualApproval" });

    const d = await promoteVersion(ctx(), {
      group,
      version: 1,
      stage: "Staging",
      expectedStage: "Development",
    });
    expect(d.state).toBe("deploying");
    expect(await outboxRows(handle.db, `decision:${d.id}:applied`)).toHaveLength(0); // rolling out: not yet
    expect((await settle(handle.db, d.id)).state).toBe("applied");
    const [applied] = await outboxRows(handle.db, `decision:${d.id}:applied`);
    expect(applied?.payload).toMatchObject({
      type: "decision.applied",
      title: `Alex Tester promoted ${group} v1 to Staging: now serving on ${group}-staging (InService)`,
      data: { rollout: { endpoint: `${group}-staging`, status: "InService" } },
    });

    const f = await promoteVersion(ctx(), {
      group,
      version: 2,
      stage: "Staging",
      expectedStage: "Development",
    });
    expect((await settle(handle.db, f.id)).state).toBe("failed");
    const [failed] = await outboxRows(handle.db, `decision:${f.id}:failed`);
    expect(failed?.payload).toMatchObject({
      type: "decision.failed",
      title: `Alex Tester's promotion of ${group} v2 to Staging failed: ${group}-staging does not serve it`,
      data: { rollout: { endpoint: `${group}-staging`, status: "Failed" } },
    });
    expect(String(failed?.payload.summary)).toMatch(/^Rollout failed.*no inference container image/);

    await deliverDue(handle.db);
    const promotions = receiver.received.filter((r) => String(r.body.title).includes("Staging"));
    expect(promotions.map((r) => [r.event, r.signatureValid]).sort()).toEqual([
      ["decision.applied", true],
      ["decision.failed", true],
    ]);
  }, 60_000);
});
