/** Nobody can remove the last enabled admin (demote or disable), not even two admins demoting each other at once. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createUser, findUser } from "@/lib/db/users";
import { ConflictError } from "@/lib/errors";
import { changeUser } from "@/lib/users/change";
import { dbTargets } from "@/tests/helpers/db-targets";

describe.each(await dbTargets())("the last admin on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const actor = { username: "root-admin", role: "admin" };
  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    for (const username of ["adm-one", "adm-two", "adm-three"])
      await createUser(handle.db, { username, name: username, password: "long-enough-pw", role: "admin" });
  });
  afterAll(() => cleanup());

  it("demoting or disabling the last enabled admin is refused with 409 and changes nothing", async () => {
    const db = handle.db;
    await changeUser(db, { actor, username: "adm-one", change: { role: "viewer" } });
    await changeUser(db, { actor, username: "adm-two", change: { disabled: true } });
    await expect(
      changeUser(db, { actor, username: "adm-three", change: { role: "manager" } }),
    ).rejects.toThrow(ConflictError);
    await expect(
      changeUser(db, { actor, username: "adm-three", change: { disabled: true } }),
    ).rejects.toThrow(/no enabled admin/);
    expect(await findUser(db, "adm-three")).toMatchObject({ role: "admin", disabled: false });
    // a change that keeps an admin is fine: re-enable one, then the other may go
    await changeUser(db, { actor, username: "adm-two", change: { disabled: false } });
    await changeUser(db, { actor, username: "adm-three", change: { role: "approver" } });
    expect(await findUser(db, "adm-three")).toMatchObject({ role: "approver" });
  });

  it("two admins demoting each other at the same moment: one wins, one admin remains", async () => {
    const db = handle.db;
    await changeUser(db, { actor, username: "adm-one", change: { role: "admin" } }); // adm-one and adm-two
    const results = await Promise.allSettled([
      changeUser(db, {
        actor: { username: "adm-one", role: "admin" },
        username: "adm-two",
        change: { role: "viewer" },
      }),
      changeUser(db, {
        actor: { username: "adm-two", role: "admin" },
        username: "adm-one",
        change: { role: "viewer" },
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = [(await findUser(db, "adm-one"))?.role, (await findUser(db, "adm-two"))?.role];
    expect(roles.filter((r) => r === "admin")).toHaveLength(1);
  });
});
