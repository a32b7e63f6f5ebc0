import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createUser, setUserDisabled, setUserRole } from "@/lib/db/users";
import { RECHECK_MS, refreshLocalToken } from "./refresh";

describe("refreshLocalToken", () => {
  let handle: DbHandle;
  const db = () => Promise.resolve(handle.db);
  beforeAll(async () => {
    handle = await openDb({ kind: "pglite", dir: null });
    await migrateDb(handle);
    await createUser(handle.db, { username: "kim", name: "Kim", password: "long-enough", role: "scientist" });
  });
  afterAll(() => handle.close());

  const token = {
    provider: "credentials" as const,
    username: "kim",
    role: "scientist" as const,
    checkedAt: 0,
  };

  it("applies a role change after the re-check interval, not before", async () => {
    await setUserRole(handle.db, "kim", "approver");
    const t0 = 1_000_000;
    const fresh = { ...token, checkedAt: t0 };
    expect((await refreshLocalToken(fresh, db, t0 + RECHECK_MS - 1)).role).toBe("scientist");
    const later = await refreshLocalToken(fresh, db, t0 + RECHECK_MS);
    expect(later.role).toBe("approver");
    expect(later.checkedAt).toBe(t0 + RECHECK_MS);
  });

  it("drops the role of a disabled or unknown account", async () => {
    await setUserDisabled(handle.db, "kim", true);
    expect((await refreshLocalToken(token, db, RECHECK_MS * 10)).role).toBeUndefined();
    expect(
      (await refreshLocalToken({ ...token, username: "ghost" }, db, RECHECK_MS * 10)).role,
    ).toBeUndefined();
  });

  it("leaves OIDC tokens alone", async () => {
    const oidc = { provider: "oidc" as const, username: "kim", role: "admin" as const };
    expect(await refreshLocalToken(oidc, db)).toBe(oidc);
  });
});
