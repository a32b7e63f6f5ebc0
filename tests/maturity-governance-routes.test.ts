import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";

// SageDeck's database is unreachable in this file: the report must still load, with a warning
process.env.DATABASE_URL = "postgres://sagedeck@127.0.0.1:1/unreachable";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const targets = await import("@/app/api/maturity/targets/route");
const exemptions = await import("@/app/api/maturity/solutions/[key]/exemptions/route");
const exemption = await import("@/app/api/maturity/solutions/[key]/exemptions/[id]/route");
const { loadGovernance } = await import("@/lib/maturity-report/governance");

const as = (role: SessionUser["role"]): SessionUser => ({
  id: role,
  username: role,
  name: role,
  role,
  provider: "credentials",
});
const ID = "8a0d6f8e-2b7c-4c1e-9d55-0f3a1b2c3d4e";
const json = (method: string, url: string, body: unknown) =>
  new Request(`http://127.0.0.1${url}`, {
    method,
    headers: { "content-type": "application/json", origin: "http://127.0.0.1" },
    body: JSON.stringify(body),
  });
const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const calls = {
  "PUT targets": () =>
    targets.PUT(json("PUT", "/api/maturity/targets", { approvalSlaHours: 24, leadTimeTargetHours: 72 }), {
      params: Promise.resolve({}),
    }),
  "POST exemption": () =>
    exemptions.POST(
      json("POST", "/api/maturity/solutions/growth/exemptions", {
        checkId: "R-8",
        reason: "reviewed by the risk board",
        expiresAt: future,
      }),
      { params: Promise.resolve({ key: "growth" }) },
    ),
  "DELETE exemption": () =>
    exemption.DELETE(new Request(`http://127.0.0.1/api/maturity/solutions/growth/exemptions/${ID}`), {
      params: Promise.resolve({ key: "growth", id: ID }),
    }),
};

async function errorOf(r: Response) {
  return ((await r.json()) as { error: { code: string; message: string } }).error;
}

beforeEach(() => {
  currentUser = null;
});

describe("maturity governance routes", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: 401 when not signed in`, async () => {
      const r = await call();
      expect(r.status).toBe(401);
      expect((await errorOf(r)).code).toBe("unauthorized");
    });
    for (const role of ["viewer", "scientist", "approver"] as const) {
      it(`${name}: 403 for a ${role}`, async () => {
        currentUser = as(role);
        const r = await call();
        expect(r.status).toBe(403);
        const e = await errorOf(r);
        expect(e.code).toBe("forbidden");
        expect(e.message).toContain(role);
      });
    }
  }

  it("reads need a session too", async () => {
    const r = await targets.GET(new Request("http://127.0.0.1/api/maturity/targets"), {
      params: Promise.resolve({}),
    });
    expect(r.status).toBe(401);
    const e = await exemptions.GET(new Request("http://127.0.0.1/api/maturity/solutions/x/exemptions"), {
      params: Promise.resolve({ key: "x" }),
    });
    expect(e.status).toBe(401);
  });

  it.each([
    ["a short reason", { checkId: "R-8", reason: "because", expiresAt: future }, /reason/],
    [
      "a malformed check id",
      { checkId: "r8", reason: "reviewed by the board", expiresAt: future },
      /checkId/,
    ],
    [
      "a malformed expiry",
      { checkId: "R-8", reason: "reviewed by the board", expiresAt: "soon" },
      /expiresAt/,
    ],
    ["no expiry", { checkId: "R-8", reason: "reviewed by the board" }, /expiresAt/],
  ])("POST exemption: 422 for %s, before anything is read", async (_label, body, message) => {
    currentUser = as("manager");
    const r = await exemptions.POST(json("POST", "/api/maturity/solutions/growth/exemptions", body), {
      params: Promise.resolve({ key: "growth" }),
    });
    expect(r.status).toBe(422);
    expect((await errorOf(r)).message).toMatch(message);
  });

  it.each([
    ["zero hours", { approvalSlaHours: 0, leadTimeTargetHours: null }, /more than 0/],
    ["more than a year", { approvalSlaHours: 24, leadTimeTargetHours: 9000 }, /at most 8760/],
    ["a missing value", { approvalSlaHours: 24 }, /leadTimeTargetHours/],
    ["text", { approvalSlaHours: "a day", leadTimeTargetHours: null }, /approvalSlaHours/],
  ])("PUT targets: 422 for %s", async (_label, body, message) => {
    currentUser = as("admin");
    const r = await targets.PUT(json("PUT", "/api/maturity/targets", body), { params: Promise.resolve({}) });
    expect(r.status).toBe(422);
    expect((await errorOf(r)).message).toMatch(message);
  });

  it("DELETE exemption: 422 for an id that is not one", async () => {
    currentUser = as("manager");
    const r = await exemption.DELETE(new Request("http://127.0.0.1/x"), {
      params: Promise.resolve({ key: "growth", id: "42" }),
    });
    expect(r.status).toBe(422);
  });

  it("an unreadable database applies no exemptions or targets and says so", async () => {
    const g = await loadGovernance();
    expect(g.exemptions).toEqual({});
    expect(g.targets).toEqual([]);
    expect(g.warnings.join(" ")).toMatch(/exemptions and targets are not applied/);
  });
});
