/**
 * A promotion whose rollout finished in SageMaker, then someone else's deployment started on the same endpoint
 * before SageDeck looked (a deploy pipeline sharing the solution's endpoints does this). While the other update
 * runs, DescribeEndpoint shows our config as the current one and theirs as pending: ours served, so the decision
 * is applied (and ModelLifeCycle says Staging), not failed as "redeployed by someone else" once their update ends.
 */
import { UpdateEndpointCommand } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promoteVersion } from "@/lib/approvals/promote";
import { followRollout } from "@/lib/approvals/rollout";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { dbTargets } from "@/tests/helpers/db-targets";
import { clientAs } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { alex, auditRowsOf, groupOnStaging } from "@/tests/helpers/rollout-setup";
import { waitFor } from "@/tests/helpers/wait";

const [target] = await dbTargets();
const emu = emulatorFixture({ speed: 40, dataDir: "sagedeck-superseded-" }); // a 120 s rollout takes 3 s
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

describe.runIf(target)("a rollout superseded right after it finished", () => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `superseded-${Date.now() % 100000}`;
  const endpoint = `${group}-staging`;

  beforeAll(async () => {
    if (!target) return;
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    await groupOnStaging(emu.url(), handle.db, group);
  }, 120_000);
  afterAll(() => cleanup?.());

  it("is applied when SageMaker shows our config current and another one pending", async () => {
    const db = handle.db;
    const before = await describeEndpoint(endpoint, true);
    const theirs = before?.configName;
    expect(theirs).toBeDefined();
    const promoted = await promoteVersion(
      { db, user: alex },
      { group, version: 2, stage: "Staging", expectedStage: "Development" },
    );
    expect(promoted.state).toBe("deploying");
    // nobody follows the rollout meanwhile: SageMaker finishes ours (InService on our config)…
    const ours = await waitFor(
      async () => {
        const e = await describeEndpoint(endpoint, true);
        return e?.status === "InService" && e.configName !== theirs ? e.configName : undefined;
      },
      { what: "our config InService", timeoutMs: 60_000 },
    );
    // …and someone else's update starts before SageDeck looks again
    await clientAs(emu.url(), "deployer").send(
      new UpdateEndpointCommand({ EndpointName: endpoint, EndpointConfigName: theirs }),
    );
    const during = await describeEndpoint(endpoint, true);
    expect([during?.status, during?.configName, during?.pendingConfigName]).toEqual([
      "Updating",
      ours,
      theirs,
    ]);

    const r = await followRollout(db, promoted.id);
    expect(r?.state).toBe("applied");
    expect(r?.outcome).toContain(
      `served version 2; another deployment (config ${theirs}) is now updating it`,
    );
    expect((await describeModelVersion(promoted.arn, true)).stage).toBe("Staging");

    // their update ends: the record stays as it was, with one audit row
    await waitFor(
      async () => ((await describeEndpoint(endpoint, true))?.status === "InService" ? true : undefined),
      { what: "their update InService", timeoutMs: 60_000 },
    );
    expect((await followRollout(db, promoted.id))?.state).toBe("applied");
    expect((await auditRowsOf(db, promoted.id)).map((a) => a.outcome)).toEqual(["ok"]);
  }, 120_000);
});
