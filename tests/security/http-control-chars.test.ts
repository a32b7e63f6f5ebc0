import "@/tests/helpers/scratch-data-dir";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/db/users";
import { apiRequest } from "@/tests/helpers/api-request";
import { callRoute, errorOf } from "@/tests/helpers/route-call";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));
// the run service is replaced by a spy: the wrapper must refuse before any handler (and SageMaker) runs
const startRun = vi.fn((..._args: unknown[]) => Promise.resolve({ executionId: "x", replayed: false }));
vi.mock("@/lib/pipelines/runs", () => ({ startRun }));

const users = await import("@/app/api/users/route");
const executions = await import("@/app/api/pipelines/[name]/executions/route");
const audit = await import("@/app/api/audit/route");
const group = await import("@/app/api/models/[group]/route");
const snapshots = await import("@/app/api/maturity/snapshots/route");

const start = (body: unknown) =>
  callRoute(
    executions.POST,
    apiRequest("POST", "/api/pipelines/churn-train/executions", body, { "idempotency-key": "k-12345678" }),
    { name: "churn-train" },
  );

async function expect422(res: Response, where: RegExp) {
  expect(res.status).toBe(422);
  const error = await errorOf(res);
  expect(error.code).toBe("unprocessable_entity");
  expect(error.message).toMatch(where);
  expect(error.message).toMatch(/control character/);
}

beforeEach(() => {
  currentUser = sessionUser("sam", "scientist");
  startRun.mockClear();
});

describe("control characters are refused with 422 by the route wrapper, before anything runs", () => {
  it("a NUL in a pipeline parameter does not start a run (issue 12, hole 2)", async () => {
    await expect422(
      await start({ parameters: { InputDataUrl: "s3://x/\u0000" } }),
      /body\.parameters\.InputDataUrl/,
    );
    expect(startRun).not.toHaveBeenCalled();
  });

  it("in nested arrays, in object keys, and DEL too", async () => {
    await expect422(await start({ parameters: { "Input\u0000": "s3://x/" } }), /body\.parameters \(a key\)/);
    await expect422(await start({ parameters: {}, description: "ok\u007f" }), /body\.description/);
    await expect422(
      await start({ parameters: {}, tags: [{ a: ["fine", "bell\u0007"] }] }),
      /body\.tags\[0\]\.a\[1\]/,
    );
    expect(startRun).not.toHaveBeenCalled();
  });

  it("lets tab, newline and carriage return through inside body strings", async () => {
    const res = await start({ parameters: {}, description: "line 1\r\n\tline 2" });
    expect(res.status).toBe(201);
    expect(startRun).toHaveBeenCalledTimes(1);
  });

  it("a NUL in a user's name creates no user", async () => {
    currentUser = sessionUser("ada", "admin");
    const before = await listUsers(await getDb());
    const res = await callRoute(
      users.POST,
      apiRequest("POST", "/api/users", {
        username: "mallory",
        name: "Mal\u0000",
        password: "long-enough-pw",
        role: "viewer",
      }),
    );
    await expect422(res, /body\.name/);
    expect(await listUsers(await getDb())).toEqual(before);
  });

  it("in the query string (even a newline) and in path parameters", async () => {
    await expect422(
      await callRoute(audit.GET, new Request("http://127.0.0.1/api/audit?actor=a%00b")),
      /query\.actor/,
    );
    await expect422(
      await callRoute(audit.GET, new Request("http://127.0.0.1/api/audit?action=a%0Ab")),
      /query\.action/,
    );
    await expect422(
      await callRoute(group.GET, new Request("http://127.0.0.1/api/models/g%00"), { group: "g\u0000" }),
      /params\.group/,
    );
  });
});

describe("bodies that would ride along unchecked are refused with 422", () => {
  it("prototype keys (__proto__, constructor) at any depth start no run", async () => {
    const res = await start(JSON.parse('{"parameters":{},"__proto__":{"role":"admin"}}') as unknown);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toMatch(/body\.__proto__/);
    const nested = await start({ parameters: { constructor: { prototype: { x: 1 } } } });
    expect(nested.status).toBe(422);
    expect(startRun).not.toHaveBeenCalled();
  });

  it("an action without a body schema takes no body (empty or {} only)", async () => {
    currentUser = sessionUser("maya", "manager");
    for (const body of ["[]", "null", "42", '{"a":1}']) {
      const res = await callRoute(snapshots.POST, apiRequest("POST", "/api/maturity/snapshots", body));
      expect(res.status, body).toBe(422);
      expect((await errorOf(res)).message).toMatch(/takes no body/);
    }
  });

  it("a body over 1 MB is refused with 400 and starts no run", async () => {
    const res = await start({ parameters: {}, description: "x".repeat(1_000_001) });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/too large/);
    expect(startRun).not.toHaveBeenCalled();
  });
});
