/**
 * A fuzz pass over every API route and method, signed in as an admin (every gate open): bad types, control
 * characters, huge bodies, malformed paths and queries. The contract: never a 5xx, always the one error body,
 * and nothing changes (SageDeck's tables and SageMaker's writes). Run by fuzz.test.ts (PGlite) and
 * fuzz.pg.test.ts (PostgreSQL); the test file mocks the session as an admin.
 */
import { beforeAll, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { apiRoutes, call, METHODS, MUTATING, sameOriginRequest, type ApiRoute } from "./routes";
import { snapshotState } from "./state";

const HUGE = "x".repeat(2_000_000);
const BODIES: Record<string, string> = {
  "not JSON": "{nope",
  "JSON null": "null",
  "a number": "42",
  "an array": "[1,2,3]",
  "wrong member types": JSON.stringify({
    expectedStatus: 7,
    reason: ["a"],
    stage: { x: 1 },
    parameters: "p",
    checkId: null,
    username: 12,
    role: true,
    approvalSlaHours: "soon",
    expiresAt: -1,
  }),
  "NUL in strings": JSON.stringify({
    reason: "ok\u0000",
    parameters: { InputDataUrl: "s3://x/\u0000" },
    username: "a\u0000b",
    checkId: "R-1\u0000",
  }),
  "control characters in keys": JSON.stringify({ "re\u0001ason": "x" }),
  "deeply nested": `${"[".repeat(5000)}${"]".repeat(5000)}`,
  "a huge string": JSON.stringify({ reason: HUGE, name: HUGE }),
  "prototype keys": '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}',
};

const QUERIES = [
  "?limit=-1&sort=%00",
  "?limit=1e309&page=NaN",
  "?action=%25&actor=_&target=%5C",
  "?filter=%00&q=%01",
  `?q=${"a".repeat(20_000)}`,
  "?sort=__proto__&order=constructor",
];

const PARAM_VALUES = ["%", "%E0%A4%A", "..%2F..%2Fetc", "a\u0000b", "x".repeat(5000), "constructor"];

function sameParams(route: ApiRoute, value: string): Record<string, string> {
  return Object.fromEntries(Object.keys(route.params).map((k) => [k, value]));
}

async function expectContract(res: Response, what: string) {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: unknown; message?: unknown };
    } | null;
    expect(typeof body?.error?.code, `${what}: error body`).toBe("string");
    expect(typeof body?.error?.message, `${what}: error body`).toBe("string");
  } else {
    await res.body?.cancel();
  }
}

export function fuzzSuite(ctx: { emulatorUrl(): string }): void {
  let routes: ApiRoute[] = [];
  beforeAll(async () => {
    routes = await apiRoutes();
  });

  it("bodies of every bad kind on every mutating route", async () => {
    const db = await getDb();
    const before = await snapshotState(db, ctx.emulatorUrl());
    let n = 0;
    for (const route of routes)
      for (const method of MUTATING) {
        if (!route.handlers[method]) continue;
        for (const [kind, body] of Object.entries(BODIES)) {
          const res = await call(route, method, sameOriginRequest(method, route.path, body));
          await expectContract(res, `${method} ${route.pattern} with ${kind}`);
          n++;
        }
      }
    expect(n).toBeGreaterThan(100);
    expect(await snapshotState(db, ctx.emulatorUrl())).toEqual(before);
  }, 240_000);

  it("malformed queries and path parameters on every route and method", async () => {
    const db = await getDb();
    const before = await snapshotState(db, ctx.emulatorUrl());
    for (const route of routes)
      for (const method of METHODS) {
        if (!route.handlers[method]) continue;
        // mutating routes get an empty (invalid) body, so only refusals are possible
        for (const q of QUERIES) {
          const res = await call(route, method, sameOriginRequest(method, `${route.path}${q}`, "[]"));
          await expectContract(res, `${method} ${route.pattern}${q.slice(0, 40)}`);
        }
        if (Object.keys(route.params).length === 0) continue;
        for (const v of PARAM_VALUES) {
          const res = await call(
            route,
            method,
            sameOriginRequest(method, route.path, "[]"),
            sameParams(route, v),
          );
          await expectContract(
            res,
            `${method} ${route.pattern} with params ${JSON.stringify(v.slice(0, 20))}`,
          );
        }
      }
    expect(await snapshotState(db, ctx.emulatorUrl())).toEqual(before);
  }, 240_000);
}
