/**
 * The group's versions table names the person who started the run that registered a version in SageDeck, not
 * the dashboard's AWS identity SageMaker records as CreatedBy (issue 20). Real emulator, PGlite.
 */
import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { pipelineRunActions } from "@/lib/db/schema";
import { listGroupVersions } from "@/lib/models/groups";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createGroup, registerVersion } from "@/tests/helpers/decisions-fixtures";

const emu = emulatorFixture({ speed: 100, noCache: true });

describe("Registered by in the group's versions", () => {
  it("is the starter of the SageDeck run that registered it, else SageMaker's CreatedBy", async () => {
    const db = await getDb();
    const group = `registrant-${Date.now() % 100000}`;
    await createGroup(emu.url(), group, `team-${group}`);
    const exec = `arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/${group}`;
    // v1 registered by the pipeline's role, in a run Ada started in SageDeck; v2 registered by hand by Ben
    await registerVersion(emu.url(), group, "AKIDSAGEDECKLOCAL", { generatedBy: exec });
    await registerVersion(emu.url(), group, "ben");
    await db.insert(pipelineRunActions).values({
      id: `start-${group}`,
      action: "start",
      pipelineName: "p",
      executionArn: exec,
      clientRequestToken: `token-${group}`,
      actor: "ada",
      actorName: "Ada Tester",
      actorRole: "admin",
      state: "applied",
    });

    const { items } = await listGroupVersions(db, { group, order: "Ascending" });
    expect(items.map((v) => [v.version, v.registeredBy])).toEqual([
      [1, "ada"],
      [2, expect.stringMatching(/ben/)],
    ]);
  }, 60_000);
});
