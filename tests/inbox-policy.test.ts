import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOD_REASON } from "@/lib/approvals/allowed-actions";
import { getInbox } from "@/lib/approvals/inbox";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { getVersionPage } from "@/lib/models/version";
import { createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

const alex = user("alex");
const grace = user("grace");
const vera = user("vera", "viewer");
const emu = emulatorFixture({ dataDir: "sagedeck-policy-" });

describe("allowedActions: the policy is computed on the server and sent with the data", () => {
  let handle: DbHandle;
  const group = `policy-${Date.now() % 100000}`;
  beforeAll(async () => {
    handle = await openDb({ kind: "pglite", dir: null });
    await migrateDb(handle);
    await createGroup(emu.url(), group, `team-${group}`);
    await registerVersion(emu.url(), group, "alex"); // v1, registered by alex
  }, 60_000);
  afterAll(() => handle?.close());

  const itemFor = async (u: typeof alex) => {
    const page = await getInbox(handle.db, u, { group });
    const item = page.items.find((i) => i.version.version === 1);
    if (!item) throw new Error("version 1 is not in the inbox");
    return item.allowedActions;
  };

  it("the registrant's inbox item: approve and reject not allowed, with the separation-of-duties reason", async () => {
    const a = await itemFor(alex);
    expect(a.approve).toEqual({ allowed: false, reason: SOD_REASON });
    expect(a.reject).toEqual({ allowed: false, reason: SOD_REASON });
  });

  it("another approver may decide; a viewer is told it is their role", async () => {
    const g = await itemFor(grace);
    expect([g.approve.allowed, g.reject.allowed]).toEqual([true, true]);
    expect(g.promoteStaging).toEqual({ allowed: false, reason: "Only an Approved version can be promoted." });
    const v = await itemFor(vera);
    expect(v.approve).toEqual({
      allowed: false,
      reason: "Your role (viewer) can read but not decide. Only approvers can decide.",
    });
  });

  it("the version page says the same as the inbox", async () => {
    const page = await getVersionPage(handle.db, alex, group, 1);
    expect(page.allowedActions.approve).toEqual({ allowed: false, reason: SOD_REASON });
  });
});
