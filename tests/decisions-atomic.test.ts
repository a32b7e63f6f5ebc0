import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveVersion } from "@/lib/approvals/decide";
import { reconcileDecisions } from "@/lib/approvals/reconcile";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { auditEvents, decisions } from "@/lib/db/schema";
import { describeModelVersion, findModelVersion } from "@/lib/sagemaker/registry/reads";
import { dbTargets } from "@/tests/helpers/db-targets";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { failAuditInserts } from "@/tests/helpers/fail-audit";

const alex = user("alex");
const targets = await dbTargets();
const emu = emulatorFixture({ speed: 100, dataDir: "sagedeck-atomic-" });
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

describe.each(targets)("a decision and its audit row commit together on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `atomic-${target.name.toLowerCase()}-${Date.now() % 100000}`;

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    await createGroup(emu.url(), group, `team-${group}`);
  }, 60_000);
  afterAll(() => cleanup());

  it("a failure between 'applied' and the audit insert leaves the intent pending; the reconciler finishes it with one audit row", async () => {
    await registerVersion(emu.url(), group, "someone"); // v1
    const { arn } = await findModelVersion(group, 1, true);
    const restore = await failAuditInserts(handle.db);
    try {
      await expect(
        approveVersion(
          { db: handle.db, user: alex },
          { group, version: 1, expectedStatus: "PendingManualApproval" },
        ),
      ).rejects.toThrow(/^Applied in SageMaker.*the record will catch up/);
    } finally {
      await restore();
    }
    // SageMaker took the change, but the state change did not commit without its audit row
    expect((await describeModelVersion(arn, true)).approvalStatus).toBe("Approved");
    const rows = () => handle.db.select().from(decisions).where(eq(decisions.modelPackageArn, arn));
    expect((await rows()).map((r) => r.state)).toEqual(["pending"]);
    const audited = () =>
      handle.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, "model.approve"), eq(auditEvents.target, `model-package/${group}/1`)),
        );
    expect(await audited()).toHaveLength(0);

    await reconcileDecisions(handle.db, { pendingOlderThanMs: 0 });
    await reconcileDecisions(handle.db, { pendingOlderThanMs: 0 });
    expect((await rows()).map((r) => r.state)).toEqual(["applied"]);
    const events = await audited();
    expect(events).toHaveLength(1);
    expect(events[0]?.outcome).toBe("ok");
  });
});
