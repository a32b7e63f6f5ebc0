import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const overview = await import("@/app/api/maturity/route");
const solution = await import("@/app/api/maturity/solutions/[key]/route");

const viewer: SessionUser = { id: "v", username: "v", name: "v", role: "viewer", provider: "credentials" };

beforeEach(() => {
  currentUser = null;
});

describe("maturity API routes", () => {
  it("refuse anonymous callers with 401 and the error shape", async () => {
    const r = await overview.GET(new Request("http://127.0.0.1/api/maturity"), {
      params: Promise.resolve({}),
    });
    expect(r.status).toBe(401);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBeTruthy();
    const s = await solution.GET(new Request("http://127.0.0.1/api/maturity/solutions/x"), {
      params: Promise.resolve({ key: "x" }),
    });
    expect(s.status).toBe(401);
  });

  it("reject an unknown phase or sort before reading SageMaker", async () => {
    currentUser = viewer;
    for (const qs of ["phase=Legendary", "sort=age"]) {
      const r = await overview.GET(new Request(`http://127.0.0.1/api/maturity?${qs}`), {
        params: Promise.resolve({}),
      });
      expect(r.status).toBe(422);
    }
  });
});
