import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { createSession, revokeSession } from "@/lib/db/sessions";
import { createUser, findUser, setUserDisabled, setUserPassword, setUserRole } from "@/lib/db/users";
import { listAuditEvents } from "@/lib/db/audit";
import { SessionChecker, SESSION_CHECK_TTL_MS } from "@/lib/auth/session-check";
import { changeUser } from "@/lib/users/change";
import { dbTargets } from "@/tests/helpers/db-targets";

let currentDb: Db | null = null;
vi.mock("@/lib/db", () => ({
  getDb: () => (currentDb ? Promise.resolve(currentDb) : Promise.reject(new Error("no db"))),
}));
const { checkToken, endSession, startSession } = await import("@/lib/auth/session-events");

describe.each(await dbTargets())("revocable sessions on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  let clock = 0;
  let checker: SessionChecker;
  const T0 = Date.parse("2026-03-01T10:00:00Z");

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    currentDb = handle.db;
    for (const username of ["kim", "lee", "max", "ola", "pat"]) {
      await createUser(handle.db, { username, name: username, password: "long-enough", role: "scientist" });
    }
  });
  afterAll(() => cleanup());

  async function session(username: string, provider: "credentials" | "oidc" = "credentials", hours = 12) {
    const user = await findUser(handle.db, username);
    return createSession(handle.db, {
      username,
      provider,
      userVersion: user?.sessionVersion ?? 0,
      expiresAt: new Date(T0 + hours * 3_600_000),
    });
  }
  /** a fresh checker at T0 (its cache starts empty) */
  function freshChecker() {
    clock = T0;
    checker = new SessionChecker(
      () => Promise.resolve(handle.db),
      SESSION_CHECK_TTL_MS,
      () => clock,
    );
  }
  const afterWindow = () => (clock += SESSION_CHECK_TTL_MS);

  it("a revoked session stops working once the cache window has passed", async () => {
    freshChecker();
    const sid = await session("kim");
    expect(await checker.check(sid)).toEqual({ ok: true, role: "scientist", name: "kim" });
    await revokeSession(handle.db, sid, "signed out");
    clock += SESSION_CHECK_TTL_MS - 1;
    expect((await checker.check(sid)).ok).toBe(true); // still within the 2 s this process trusts
    afterWindow();
    expect(await checker.check(sid)).toEqual({ ok: false, reason: "revoked" });
  });

  it("an expired session and an unknown id do not work", async () => {
    freshChecker();
    const sid = await session("kim", "credentials", 1);
    expect((await checker.check(sid)).ok).toBe(true);
    clock = T0 + 3_600_000;
    expect(await checker.check(sid)).toEqual({ ok: false, reason: "expired" });
    expect(await checker.check("no-such-session")).toEqual({ ok: false, reason: "unknown" });
  });

  it("a password change ends every session of the user; a new session works", async () => {
    freshChecker();
    const [a, b] = [await session("lee"), await session("lee")];
    expect((await checker.check(a)).ok && (await checker.check(b)).ok).toBe(true);
    await setUserPassword(handle.db, "lee", "another-long-one");
    afterWindow();
    expect(await checker.check(a)).toEqual({ ok: false, reason: "signed out everywhere" });
    expect(await checker.check(b)).toEqual({ ok: false, reason: "signed out everywhere" });
    expect((await checker.check(await session("lee"))).ok).toBe(true);
  });

  it("disabling ends the sessions, and re-enabling does not bring them back", async () => {
    freshChecker();
    const sid = await session("max");
    expect((await checker.check(sid)).ok).toBe(true);
    await setUserDisabled(handle.db, "max", true);
    afterWindow();
    expect(await checker.check(sid)).toEqual({ ok: false, reason: "disabled" });
    await setUserDisabled(handle.db, "max", false);
    afterWindow();
    expect(await checker.check(sid)).toEqual({ ok: false, reason: "signed out everywhere" });
  });

  it("a role change applies to the live session after the cache window, without signing out", async () => {
    freshChecker();
    const sid = await session("ola");
    expect(await checker.check(sid)).toMatchObject({ ok: true, role: "scientist" });
    await setUserRole(handle.db, "ola", "approver");
    expect(await checker.check(sid)).toMatchObject({ ok: true, role: "scientist" });
    afterWindow();
    expect(await checker.check(sid)).toEqual({ ok: true, role: "approver", name: "ola" });
  });

  it("OIDC sessions keep their role but can be revoked", async () => {
    freshChecker();
    const sid = await session("someone@sso", "oidc");
    expect(await checker.check(sid)).toEqual({ ok: true, role: null, name: null });
    await revokeSession(handle.db, sid, "signed out");
    afterWindow();
    expect((await checker.check(sid)).ok).toBe(false);
  });

  it("the JWT callbacks: sign-in issues a sid, sign-out revokes it at once, a token without sid has no role", async () => {
    const token = await startSession(
      { sub: "7", name: "pat" },
      { id: "7", name: "pat", username: "pat", role: "scientist", sessionVersion: 0 },
      { provider: "credentials", type: "credentials", providerAccountId: "7" },
    );
    expect(token.sid).toEqual(expect.any(String));
    expect((await checkToken(token)).role).toBe("scientist");
    await endSession(token);
    expect((await checkToken(token)).role).toBeUndefined(); // this process forgot its cached answer
    expect(
      (await checkToken({ username: "pat", role: "admin", provider: "credentials" })).role,
    ).toBeUndefined();
  });

  it("an admin's change goes through one audited function: password and disable end sessions", async () => {
    freshChecker();
    const sid = await session("pat");
    const admin = { username: "ada", role: "admin" };
    await changeUser(handle.db, {
      actor: admin,
      username: "pat",
      change: { role: "manager" },
      requestId: "r1",
    });
    afterWindow();
    expect(await checker.check(sid)).toMatchObject({ ok: true, role: "manager" });
    await changeUser(handle.db, { actor: admin, username: "pat", change: { password: "brand-new-pass" } });
    afterWindow();
    expect((await checker.check(sid)).ok).toBe(false);
    const actions = (await listAuditEvents(handle.db))
      .filter((e) => e.target === "user/pat")
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.role", "user.password"]));
    const rows = await listAuditEvents(handle.db);
    expect(JSON.stringify(rows)).not.toContain("brand-new-pass");
  });
});
