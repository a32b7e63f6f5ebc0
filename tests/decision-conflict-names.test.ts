import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { getDecision, insertIntent } from "@/lib/db/decisions";
import { newLease } from "@/lib/db/decision-leases";
import { ConflictError } from "@/lib/errors";
import { approvalDescription, approveVersion } from "@/lib/approvals/decide";
import { findModelVersion } from "@/lib/sagemaker/registry/reads";
import { setApprovalStatus } from "@/lib/sagemaker/registry/writes";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { dbTargets } from "@/tests/helpers/db-targets";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";

const targets = await dbTargets();
const emu = emulatorFixture({ dataDir: "sagedeck-conflict-names-" });
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

/**
 * A decision that reached SageMaker while its record could not be written (database outage: the record stays
 * pending until the reconciler catches it up). A second attempt — a retry, or another approver — gets a 409 that
 * names the person from SageMaker's ApprovalDescription and SageDeck's record, not the dashboard's AWS key.
 */
describe.each(targets)("a 409 after an unrecorded decision on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `names-${target.name.toLowerCase()}-${Date.now() % 100000}`;

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    await createGroup(emu.url(), group, `team-${group}`);
  }, 60_000);
  afterAll(() => cleanup());

  it("names the decision's author while its record is still pending", async () => {
    await registerVersion(emu.url(), group, "someone");
    const v = await findModelVersion(group, 1, true);
    const id = randomUUID();
    await insertIntent(handle.db, {
      ...newLease("live:died-before-recording"),
      id,
      action: "approve",
      subject: `approval:${v.arn}`,
      groupName: group,
      version: 1,
      modelPackageArn: v.arn,
      expectedStatus: "PendingManualApproval",
      toStatus: "Approved",
      actor: "alex",
      actorName: "Alex Tester",
      actorRole: "approver",
    });
    // the call landed in SageMaker (as the dashboard's identity); the outcome write did not
    await setApprovalStatus({
      arn: v.arn,
      status: "Approved",
      description: approvalDescription("Approved", "Alex Tester", id),
      clientToken: id,
    });
    expect((await getDecision(handle.db, id))?.state).toBe("pending");

    const err: unknown = await approveVersion(
      { db: handle.db, user: user("bob") },
      { group, version: 1, expectedStatus: "PendingManualApproval" },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toMatch(
      /Alex Tester \(via SageDeck\) changed it at \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
    expect((err as Error).message).not.toContain("AKIDSAGEDECKLOCAL");
  });
});
