/**
 * API tokens end to end through the real route wrapper and database: created → shown once → only the hash stored
 * → used without Origin/CSRF headers → audited "via token" → revoked → 401; expiry; the owner's current role;
 * service token scopes; refusals audited; unknown tokens throttled per address. Run by api-tokens.test.ts
 * (PGlite) and api-tokens.pg.test.ts (PostgreSQL).
 */
import { desc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { resetRefusalLimits } from "@/lib/api/refusals";
import type { SessionUser } from "@/lib/auth/types";
import { hashToken } from "@/lib/auth/tokens/secret";
import { getDb } from "@/lib/db";
import { apiTokens, auditEvents } from "@/lib/db/schema";
import { createUser } from "@/lib/db/users";
import { changeUser } from "@/lib/users/change";
import { errorOf } from "@/tests/helpers/route-call";
import { sessionUser } from "@/tests/helpers/session-user";
import * as r from "./token-calls";

interface Created {
  token: string;
  item: { id: string; name: string; hint: string; lastUsedAt: number | null };
}

export function apiTokenSuite(setUser: (u: SessionUser | null) => void): void {
  const admin = { username: "tok-admin", role: "admin" } as const;

  beforeAll(async () => {
    const db = await getDb();
    for (const [username, role] of [
      ["tok-admin", "admin"],
      ["tok-manager", "manager"],
      ["tok-other", "manager"],
      ["tok-expiring", "manager"],
    ] as const) {
      await createUser(db, { username, name: username, password: "password-123", role });
    }
  });

  async function createPersonal(username: string, role: SessionUser["role"], body: object): Promise<Created> {
    setUser(sessionUser(username, role));
    const res = await r.asDashboard(r.tokensRoute.POST, "POST", "/api/me/tokens", body);
    expect(res.status).toBe(201);
    setUser(null); // from here on only the token speaks
    return (await res.json()) as Created;
  }

  const lastAudit = async (action: string) => {
    const db = await getDb();
    const rows = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, action))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    return rows[0];
  };

  it("a personal token: shown once, stored hashed, acts as its owner without CSRF headers, audited via token, revoked → 401", async () => {
    resetRefusalLimits();
    const created = await createPersonal("tok-manager", "manager", { name: "ci-job" });
    expect(created.token).toMatch(/^sdk_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.item.hint).toBe(created.token.slice(0, 12));

    // the secret is never shown again and never stored: the row holds its SHA-256 only
    setUser(sessionUser("tok-manager", "manager"));
    const list = await r.asDashboard(r.tokensRoute.GET, "GET", "/api/me/tokens");
    const listed = await list.text();
    expect(listed).toContain(created.item.id);
    expect(listed).not.toContain(created.token);
    const db = await getDb();
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.item.id));
    expect(row?.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(12));
    setUser(null);

    // who am I with the token: the owner, with the owner's role
    const me = await r.withToken(r.meRoute.GET, created.token, "GET", "/api/me");
    expect(me.status).toBe(200);
    const who = (await me.json()) as { user: SessionUser; permissions: string[] };
    expect(who.user).toMatchObject({ username: "tok-manager", role: "manager", token: { name: "ci-job" } });
    expect(who.permissions).toContain("maturity.manage");

    // a change with no Origin, no Sec-Fetch-Site, no cookie: allowed for a bearer request
    const put = await r.withToken(r.targetsRoute.PUT, created.token, "PUT", "/api/maturity/targets", {
      body: r.TARGETS,
    });
    expect(put.status).toBe(200);
    const audited = await lastAudit("maturity.targets.set");
    expect(audited?.actor).toBe("tok-manager");
    expect(audited?.details.viaToken).toMatchObject({
      id: created.item.id,
      name: "ci-job",
      kind: "personal",
    });
    const [used] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.item.id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);

    // revoked by its owner → 401 at once, and the refused change is on the record, naming the token
    setUser(sessionUser("tok-manager", "manager"));
    const del = await r.asDashboard(
      r.tokenRoute.DELETE,
      "DELETE",
      `/api/me/tokens/${created.item.id}`,
      undefined,
      {
        id: created.item.id,
      },
    );
    expect(del.status).toBe(200);
    expect((await lastAudit("token.revoke"))?.target).toBe(`token/${created.item.id}`);
    setUser(null);
    const after = await r.withToken(r.targetsRoute.PUT, created.token, "PUT", "/api/maturity/targets", {
      body: r.TARGETS,
    });
    expect(after.status).toBe(401);
    expect((await errorOf(after)).message).toMatch(/ci-job.*revoked/);
    const refusal = await lastAudit("maturity.manage");
    expect(refusal).toMatchObject({ outcome: "refused", actor: "anonymous" });
    expect(refusal?.details).toMatchObject({ status: 401, viaToken: { name: "ci-job" } });
  });

  it("a cookie request without Origin is still refused (403) while the same change with a token passes", async () => {
    setUser(sessionUser("tok-manager", "manager"));
    const cookieReq = new Request("http://127.0.0.1/api/maturity/targets", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(r.TARGETS),
    });
    const res = await r.targetsRoute.PUT(cookieReq, { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("forbidden");
    const { token } = await createPersonal("tok-manager", "manager", { name: "csrf-check" });
    const ok = await r.withToken(r.targetsRoute.PUT, token, "PUT", "/api/maturity/targets", {
      body: r.TARGETS,
    });
    expect(ok.status).toBe(200);
  });

  it("an expired token is 401 with a message that says so", async () => {
    const created = await createPersonal("tok-expiring", "manager", { name: "short", expiresInDays: 1 });
    expect((await r.withToken(r.meRoute.GET, created.token, "GET", "/api/me")).status).toBe(200);
    const db = await getDb();
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, created.item.id));
    const res = await r.withToken(r.meRoute.GET, created.token, "GET", "/api/me");
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/expired/);
  });

  it("a demoted owner's token loses the permission at once; a disabled owner's token stops", async () => {
    const { token } = await createPersonal("tok-other", "manager", { name: "deploy" });
    const put = () =>
      r.withToken(r.targetsRoute.PUT, token, "PUT", "/api/maturity/targets", { body: r.TARGETS });
    expect((await put()).status).toBe(200);
    const db = await getDb();
    await changeUser(db, { actor: admin, username: "tok-other", change: { role: "viewer" } });
    const demoted = await put();
    expect(demoted.status).toBe(403);
    expect((await errorOf(demoted)).message).toContain("viewer");
    await changeUser(db, { actor: admin, username: "tok-other", change: { disabled: true } });
    const disabled = await r.withToken(r.meRoute.GET, token, "GET", "/api/me");
    expect(disabled.status).toBe(401);
    expect((await errorOf(disabled)).message).toMatch(/disabled/);
  });

  it("service tokens: admin-created, act under their own name within their scope (else 403)", async () => {
    setUser(sessionUser("tok-manager", "manager"));
    const notAdmin = await r.asDashboard(r.serviceTokensRoute.POST, "POST", "/api/service-tokens", {
      name: "release-bot",
      scopes: ["read"],
    });
    expect(notAdmin.status).toBe(403);
    setUser(sessionUser("tok-admin", "admin"));
    const res = await r.asDashboard(r.serviceTokensRoute.POST, "POST", "/api/service-tokens", {
      name: "release-bot",
      scopes: ["read"],
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created.token).toMatch(/^sdk_svc_/);
    const listed = await r.asDashboard(r.serviceTokensRoute.GET, "GET", "/api/service-tokens");
    expect(await listed.text()).toContain('"owner":"tok-admin"');
    setUser(null);

    const me = await r.withToken(r.meRoute.GET, created.token, "GET", "/api/me");
    expect(me.status).toBe(200);
    expect((await me.json()) as unknown).toMatchObject({
      user: { username: "svc:release-bot" },
      permissions: ["read"],
    });
    const put = await r.withToken(r.targetsRoute.PUT, created.token, "PUT", "/api/maturity/targets", {
      body: r.TARGETS,
    });
    expect(put.status).toBe(403);
    expect((await errorOf(put)).message).toMatch(/scope \(read\)/);
    // a token may not mint or revoke tokens
    const mint = await r.withToken(r.serviceTokensRoute.POST, created.token, "POST", "/api/service-tokens", {
      body: { name: "more", scopes: ["read"] },
    });
    expect(mint.status).toBe(403);

    setUser(sessionUser("tok-admin", "admin"));
    const del = await r.asDashboard(
      r.serviceTokenRoute.DELETE,
      "DELETE",
      `/api/service-tokens/${created.item.id}`,
      undefined,
      { id: created.item.id },
    );
    expect(del.status).toBe(200);
    setUser(null);
    expect((await r.withToken(r.meRoute.GET, created.token, "GET", "/api/me")).status).toBe(401);
  });

  it("unknown tokens: 401 audited on changes; an address that keeps guessing is locked out (429)", async () => {
    resetRefusalLimits();
    const bogus = `sdk_pat_${"A".repeat(43)}`;
    const res = await r.withToken(r.targetsRoute.PUT, bogus, "PUT", "/api/maturity/targets", {
      body: r.TARGETS,
      address: "203.0.113.9",
    });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toMatch(/not known/);
    expect((await lastAudit("maturity.manage"))?.details).toMatchObject({
      status: 401,
      address: "203.0.113.9",
    });
    const malformed = await r.withToken(r.meRoute.GET, "hunter2", "GET", "/api/me", {
      address: "203.0.113.9",
    });
    expect(malformed.status).toBe(401);

    let status = 401;
    for (let i = 0; i < 40 && status === 401; i++) {
      status = (await r.withToken(r.meRoute.GET, bogus, "GET", "/api/me", { address: "203.0.113.9" })).status;
    }
    expect(status).toBe(429);
    // a good token from that address waits too; another address is unaffected
    const { token } = await createPersonal("tok-manager", "manager", { name: "throttle-check" });
    const locked = await r.withToken(r.meRoute.GET, token, "GET", "/api/me", { address: "203.0.113.9" });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(
      (await r.withToken(r.meRoute.GET, token, "GET", "/api/me", { address: "198.51.100.7" })).status,
    ).toBe(200);
  });
}
