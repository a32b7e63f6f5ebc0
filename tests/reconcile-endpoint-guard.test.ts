/**
 * Issue 17 item 6: two model groups of one solution share its Staging endpoint. Promoting both at the same moment
 * passed the per-group guard and the loser got SageMaker's 422 ("endpoint is Updating") after writing an intent;
 * now the guard is per endpoint: exactly one rolls out, the other is a 409 naming the decision in flight.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveVersion } from "@/lib/approvals/decide";
import { promoteVersion } from "@/lib/approvals/promote";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { ConflictError } from "@/lib/errors";
import { dbTargets } from "@/tests/helpers/db-targets";
import { createGroup, registerVersion } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { alex, emulatorFault, groupOnStaging, settle } from "@/tests/helpers/rollout-setup";

const targets = await dbTargets();
const emu = emulatorFixture({ speed: 100, dataDir: "sagedeck-guard-" }); // a 120 s rollout takes 1.2 s
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

describe.each(targets)("two groups sharing one endpoint, on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const a = `guard-a-${target.name.toLowerCase()}-${Date.now() % 100000}`;
  const b = `guard-b-${target.name.toLowerCase()}-${Date.now() % 100000}`;

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    await groupOnStaging(emu.url(), handle.db, a); // a's versions 1 and 2; a-staging serves 1 (team-<a>)
    await createGroup(emu.url(), b, `team-${a}`); // same solution: b's Staging endpoint is a-staging
    await registerVersion(emu.url(), b, "someone");
    await approveVersion(
      { db: handle.db, user: alex },
      { group: b, version: 1, expectedStatus: "PendingManualApproval" },
    );
  }, 120_000);
  afterAll(() => cleanup());

  it("promoting both at once: one rolls out, the other is a 409 naming it", async () => {
    // both requests are past their reads when they deploy (the old per-group guard let both through)
    await emulatorFault(emu.url(), { operation: "CreateEndpointConfig", latencyMs: 1_000, count: 2 });
    const results = await Promise.allSettled([
      promoteVersion(
        { db: handle.db, user: alex },
        { group: a, version: 2, stage: "Staging", expectedStage: "Development" },
      ),
      promoteVersion(
        { db: handle.db, user: alex },
        { group: b, version: 1, stage: "Staging", expectedStage: "Development" },
      ),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]?.status === "fulfilled" ? won[0].value : undefined;
    const error: unknown = lost[0]?.status === "rejected" ? lost[0].reason : undefined;
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain("being deployed by another decision");
    expect((error as Error).message).toContain(`${winner?.group} version ${winner?.version}`);
    await fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });
    expect((await settle(handle.db, winner?.id ?? "")).state).toBe("applied");
  }, 60_000);
});
