import "@/tests/helpers/scratch-data-dir";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/types";
import {
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "@/lib/errors";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const { route, publicRoute } = await import("./route");

const viewer: SessionUser = {
  id: "1",
  username: "vera",
  name: "Vera",
  role: "viewer",
  provider: "credentials",
};
const scientist: SessionUser = { ...viewer, id: "2", username: "sam", role: "scientist" };
const noParams = { params: Promise.resolve({}) };

async function call(
  handler: ReturnType<typeof route>,
  init: RequestInit & { url?: string } = {},
  params = noParams,
) {
  // the dashboard's own pages send JSON with their Origin (tests/security/http-csrf.test.ts covers the rest)
  const headers = { "content-type": "application/json", origin: "http://127.0.0.1", ...init.headers };
  const res = await handler(new Request(init.url ?? "http://127.0.0.1/api/x", { ...init, headers }), params);
  return {
    res,
    body: (await res.json()) as { error?: { code: string; message: string } } & Record<string, unknown>,
  };
}

beforeEach(() => {
  currentUser = null;
});

describe("route wrapper", () => {
  const startRun = route(
    { permission: "pipelines.run", body: z.object({ pipeline: z.string().min(1) }) },
    ({ body, user }) => Promise.resolve({ started: body.pipeline, by: user.username }),
  );

  it("answers 401 without a session", async () => {
    const { res, body } = await call(startRun, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    expect(body.error?.code).toBe("unauthorized");
  });

  it("answers 403 when the role lacks the permission, naming the role", async () => {
    currentUser = viewer;
    const { res, body } = await call(startRun, { method: "POST", body: JSON.stringify({ pipeline: "p" }) });
    expect(res.status).toBe(403);
    expect(body.error?.message).toContain("viewer");
  });

  it("answers 400 for a body that is not JSON and 422 for an invalid one", async () => {
    currentUser = scientist;
    expect((await call(startRun, { method: "POST", body: "{oops" })).res.status).toBe(400);
    const invalid = await call(startRun, { method: "POST", body: JSON.stringify({ pipeline: "" }) });
    expect(invalid.res.status).toBe(422);
    expect(invalid.body.error?.message).toMatch(/^body\.pipeline: /);
  });

  it("passes validated input and the user to the handler", async () => {
    currentUser = scientist;
    const { res, body } = await call(startRun, {
      method: "POST",
      body: JSON.stringify({ pipeline: "churn" }),
    });
    expect(res.status).toBe(200);
    expect(body).toEqual({ started: "churn", by: "sam" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("validates params and query", async () => {
    currentUser = viewer;
    const h = route(
      {
        permission: "read",
        params: z.object({ name: z.string().regex(/^[a-z]+$/) }),
        query: z.object({ limit: z.coerce.number().max(100) }),
      },
      ({ params, query }) => Promise.resolve({ name: params.name, limit: query.limit }),
    );
    const ok = await call(
      h,
      { url: "http://127.0.0.1/api/x?limit=5" },
      { params: Promise.resolve({ name: "abc" }) },
    );
    expect(ok.body).toEqual({ name: "abc", limit: 5 });
    const bad = await call(
      h,
      { url: "http://127.0.0.1/api/x?limit=500" },
      { params: Promise.resolve({ name: "abc" }) },
    );
    expect(bad.res.status).toBe(422);
    expect(bad.body.error?.message).toMatch(/^query\.limit/);
    const badParam = await call(
      h,
      { url: "http://127.0.0.1/api/x?limit=1" },
      { params: Promise.resolve({ name: "A!" }) },
    );
    expect(badParam.body.error?.message).toMatch(/^params\.name/);
  });

  it.each([
    [new NotFoundError("gone"), 404, "not_found"],
    [new ConflictError("taken"), 409, "conflict"],
    [new UpstreamError("bad answer"), 502, "upstream_error"],
    [new UpstreamUnavailableError("down"), 503, "upstream_unavailable"],
    [new UpstreamTimeoutError("too slow"), 504, "upstream_timeout"],
  ])("maps %s to its status", async (error, status, code) => {
    currentUser = viewer;
    const h = route({ permission: "read" }, () => Promise.reject(error));
    const { res, body } = await call(h);
    expect(res.status).toBe(status);
    expect(body).toEqual({ error: { code, message: error.message } });
  });

  it("sends Retry-After with 429", async () => {
    currentUser = viewer;
    const h = route({ permission: "read" }, () => Promise.reject(new RateLimitedError("slow down", 7)));
    const { res } = await call(h);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
  });

  it("hides unknown errors behind a generic 500 that names the logged request id; the stack goes to the log", async () => {
    currentUser = viewer;
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const h = route({ permission: "read" }, () => Promise.reject(new Error("db password is hunter2")));
    const { res, body } = await call(h);
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(JSON.stringify(body)).not.toMatch(/route\.test\.ts|at /);
    const requestId = res.headers.get("x-request-id") ?? "missing";
    expect(body.error?.message).toContain(requestId);
    const line = written.join("");
    expect(line).toContain(`requestId=${requestId}`);
    expect(line).toContain("db password is hunter2");
    expect(line).toMatch(/route\.test\.ts:\d+/); // the stack trace, in the log only
  });

  it("public routes need no session", async () => {
    const h = publicRoute({}, () => Promise.resolve({ ok: true }));
    expect((await call(h)).res.status).toBe(200);
  });
});
