import "@/tests/helpers/scratch-data-dir";
import { desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { auditEvents } from "@/lib/db/schema";
import { apiRequest } from "@/tests/helpers/api-request";
import { callRoute } from "@/tests/helpers/route-call";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const users = await import("@/app/api/users/route");
const auditList = await import("@/app/api/audit/route");
const auditExport = await import("@/app/api/audit/export/route");
const { recordRefusal, resetRefusalLimits, REFUSALS_PER_KEY_PER_MINUTE } = await import("@/lib/api/refusals");

const refused = async () =>
  (await getDb())
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.outcome, "refused"))
    .orderBy(desc(auditEvents.id));
const create = (username: string, headers: Record<string, string> = {}) =>
  callRoute(
    users.POST,
    apiRequest(
      "POST",
      "/api/users",
      { username, name: username, password: "long-enough-pw", role: "viewer" },
      headers,
    ),
  );

beforeEach(() => {
  resetRefusalLimits();
});

describe("refused requests are on the record (issue 12, hole 9)", () => {
  it("a 403 for the role names who, what, where, the status and the request id", async () => {
    currentUser = sessionUser("vera", "viewer");
    const res = await create("newbie");
    expect(res.status).toBe(403);
    const [row] = await refused();
    expect(row).toMatchObject({
      actor: "vera",
      actorRole: "viewer",
      action: "users.manage",
      target: "/api/users",
      outcome: "refused",
      requestId: res.headers.get("x-request-id"),
    });
    expect(row?.details).toMatchObject({ status: 403, code: "forbidden" });
    expect(String(row?.details.message)).toContain("viewer");
  });

  it("a 409 conflict and a 401 on a mutating route are recorded; a 401 on a read is not", async () => {
    currentUser = sessionUser("ada", "admin");
    expect((await create("dupe")).status).toBe(201);
    expect((await create("dupe")).status).toBe(409);
    expect((await refused())[0]).toMatchObject({ actor: "ada", details: { status: 409, code: "conflict" } });

    currentUser = null;
    expect((await create("anon", { "x-forwarded-for": "203.0.113.7" })).status).toBe(401);
    expect((await refused())[0]).toMatchObject({
      actor: "anonymous",
      details: { status: 401, code: "unauthorized", address: "203.0.113.7" },
    });
    const count = (await refused()).length;
    expect((await callRoute(users.GET, new Request("http://127.0.0.1/api/users"))).status).toBe(401);
    expect((await refused()).length).toBe(count);
  });

  it("a cross-site write is recorded as refused too", async () => {
    currentUser = sessionUser("ada", "admin");
    const res = await create("csrf", { origin: "http://evil.example" });
    expect(res.status).toBe(403);
    expect((await refused())[0]).toMatchObject({ action: "users.manage", details: { status: 403 } });
  });

  it("a flood is rate-limited per actor; the next written row counts what was left out", async () => {
    currentUser = sessionUser("flood", "viewer");
    const before = (await refused()).length;
    for (let i = 0; i < REFUSALS_PER_KEY_PER_MINUTE + 5; i++)
      expect((await create(`f${i}`)).status).toBe(403);
    expect((await refused()).length - before).toBe(REFUSALS_PER_KEY_PER_MINUTE);

    await recordRefusal(
      {
        actor: "flood",
        actorRole: "viewer",
        action: "users.manage",
        target: "/api/users",
        status: 403,
        code: "forbidden",
        message: "m",
        requestId: "r-next",
        address: null,
      },
      Date.now() + 60_000,
    );
    expect((await refused())[0]).toMatchObject({ requestId: "r-next", details: { suppressedBefore: 5 } });
  });

  it("a refusal that cannot be written does not change the answer", async () => {
    currentUser = sessionUser("vera", "viewer");
    const db = await getDb();
    const insert = vi.spyOn(db, "insert").mockImplementation(() => {
      throw new Error("disk full");
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const res = await create("x");
      expect(res.status).toBe(403);
      expect(error).toHaveBeenCalledWith(expect.stringContaining("could not record the refusal"));
    } finally {
      insert.mockRestore();
      error.mockRestore();
    }
  });

  it("refusals can be found with the audit filter, and the outcome reads the same in list and CSV", async () => {
    currentUser = sessionUser("vera", "viewer");
    expect((await create("filtered")).status).toBe(403);
    currentUser = sessionUser("ada", "admin");
    const list = await callRoute(auditList.GET, apiRequest("GET", "/api/audit?outcome=refused"));
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { actor: string; outcome: string }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.outcome === "refused")).toBe(true);
    const csv = await (
      await callRoute(auditExport.GET, apiRequest("GET", "/api/audit/export?outcome=refused"))
    ).text();
    expect(csv.split("\r\n")[1]).toContain(`,"refused",`);
    const ok = await (
      await callRoute(auditExport.GET, apiRequest("GET", "/api/audit/export?outcome=ok"))
    ).text();
    expect(ok).toContain(`,"applied",`);
    expect(ok).not.toContain(`,"ok",`);
  });

  it("an anonymous refusal is keyed by the address Next's server saw, not the one the client claims", async () => {
    currentUser = null;
    // the client sent X-Forwarded-For itself; Next appends nothing then, but with no trusted proxy SageDeck
    // takes the last entry (the one a proxy or the server would have added), never the client's first claim
    const res = await create("anon", { "x-forwarded-for": "6.6.6.6, 10.1.2.3" });
    expect(res.status).toBe(401);
    expect((await refused())[0]?.details).toMatchObject({ status: 401, address: "10.1.2.3" });
  });
});
