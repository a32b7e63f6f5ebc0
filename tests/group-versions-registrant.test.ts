/**
 * The group's versions table names the person who started the run that registered a version in SageDeck, not
 * the dashboard's AWS identity SageMaker records as CreatedBy (issue 20). Real emulator, PGlite.
 */
import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { pipelineRunActions } from "@/lib/db/schema";
import { getInbox } from "@/lib/approvals/inbox";
import { listGroupVersions } from "@/lib/models/groups";
import { sendStart } from "@/lib/pipelines/runs/start";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";

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

  it("in the inbox, is the starter of a SageDeck run whose start was interrupted before its execution was recorded", async () => {
    const db = await getDb();
    const group = `registrant-pending-${Date.now() % 100000}`;
    await createGroup(emu.url(), group, `team-${group}`);
    // Ada's start reached SageMaker, but the answer was lost: SageDeck's record has no execution yet
    const [row] = await db
      .insert(pipelineRunActions)
      .values({
        id: `start-${group}`,
        action: "start",
        pipelineName: "churn-train",
        clientRequestToken: `token-${group}`.padEnd(40, "-"), // SageMaker: ≥ 32 characters
        actor: "ada",
        actorName: "Ada Tester",
        actorRole: "admin",
        state: "pending",
      })
      .returning();
    if (!row) throw new Error("no row");
    const exec = await sendStart(row);
    // two versions registered by that run (by the pipeline's role), one by hand by Ben
    await registerVersion(emu.url(), group, "AKIDSAGEDECKLOCAL", { generatedBy: exec });
    await registerVersion(emu.url(), group, "AKIDSAGEDECKLOCAL", { generatedBy: exec });
    await registerVersion(emu.url(), group, "ben");

    const { items } = await getInbox(db, user("alex"), { group });
    expect(items.map((i) => [i.version.version, i.registeredBy])).toEqual([
      [1, "ada"],
      [2, "ada"],
      [3, expect.stringMatching(/ben/)],
    ]);
    // Ada may not decide on what her run registered
    const ada = await getInbox(db, user("ada"), { group });
    expect(ada.items.map((i) => i.allowedActions.approve.allowed)).toEqual([false, false, true]);
  }, 60_000);
});
