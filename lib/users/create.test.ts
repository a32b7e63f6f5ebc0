import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/db/audit";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { findUser } from "@/lib/db/users";
import { dbTargets } from "@/tests/helpers/db-targets";
import { failAuditInserts } from "@/tests/helpers/fail-audit";
import { user } from "@/tests/helpers/decisions-fixtures";
import { createUserAsAdmin } from "./create";

const targets = await dbTargets();
const admin = user("ada", "admin");
const input = (username: string) => ({
  username,
  name: "New Person",
  password: "long-enough",
  role: "viewer" as const,
});

describe.each(targets)("creating a user on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
  });
  afterAll(() => cleanup());

  it("writes the account and its audit row together", async () => {
    await createUserAsAdmin({ db: handle.db, user: admin, requestId: "r-1" }, input("newbie"));
    const events = (await listAuditEvents(handle.db)).filter((e) => e.target === "user/newbie");
    expect(events.map((e) => [e.action, e.actor, e.requestId])).toEqual([["user.create", "ada", "r-1"]]);
  });

  it("a failure between the insert and the audit row leaves neither (no unaudited account)", async () => {
    const restore = await failAuditInserts(handle.db);
    try {
      await expect(createUserAsAdmin({ db: handle.db, user: admin }, input("ghost"))).rejects.toThrow(
        /insert into "audit_events"/,
      );
    } finally {
      await restore();
    }
    expect(await findUser(handle.db, "ghost")).toBeUndefined();
    // and the same request afterwards works
    await createUserAsAdmin({ db: handle.db, user: admin }, input("ghost"));
    expect(await findUser(handle.db, "ghost")).toBeDefined();
  });
});
