/**
 * /api/metrics with METRICS_TOKEN: 401 without the token, 403 with another, 200 with it; and what it counts: API
 * requests by route template and status, upstream calls by service/operation/account, cache hits and misses.
 * Real emulator over HTTP, PGlite, the real route handlers (only the cookie session is stood in for).
 */
import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { callRoute } from "@/tests/helpers/route-call";
import { sessionUser } from "@/tests/helpers/session-user";

const TOKEN = "a-metrics-token-for-tests";
process.env.METRICS_TOKEN = TOKEN;
const currentUser: SessionUser | null = sessionUser("vera", "viewer");
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

emulatorFixture();

const scrape = async (authorization?: string) => {
  const { GET } = await import("@/app/api/metrics/route");
  const headers: Record<string, string> = authorization ? { authorization } : {};
  return callRoute(GET, new Request("http://127.0.0.1/api/metrics", { headers }));
};

/** The value of one series in Prometheus text, 0 when absent. */
function value(text: string, name: string, labels: Record<string, string>): number {
  const line = text
    .split("\n")
    .find(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("/api/metrics", () => {
  it("needs the METRICS_TOKEN: 401 without it, 403 with another one", async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await scrape("Bearer not-the-token")).status).toBe(403);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await ok.text();
    expect(text).toContain("# TYPE sagedeck_http_requests_total counter");
    expect(text).toContain("# TYPE sagedeck_decisions gauge");
  });

  it("counts a request by route template and status, and its upstream call, then the cache hit", async () => {
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    const { GET } = await import("@/app/api/pipelines/[name]/route");
    const req = () => new Request("http://127.0.0.1/api/pipelines/no-such-pipeline-xyz");
    const first = await callRoute(GET, req(), { name: "no-such-pipeline-xyz" });
    expect(first.status).toBe(404);
    const list = await import("@/app/api/pipelines/route");
    expect((await callRoute(list.GET, new Request("http://127.0.0.1/api/pipelines"))).status).toBe(200);
    expect((await callRoute(list.GET, new Request("http://127.0.0.1/api/pipelines"))).status).toBe(200);
    const after = await (await scrape(`Bearer ${TOKEN}`)).text();

    const route = { route: "/api/pipelines/[name]", method: "GET", status: "404" };
    expect(value(after, "sagedeck_http_requests_total", route)).toBe(
      value(before, "sagedeck_http_requests_total", route) + 1,
    );
    expect(after).not.toContain("no-such-pipeline-xyz");
    expect(value(after, "sagedeck_http_request_duration_seconds_count", route)).toBeGreaterThan(0);
    const listed = { route: "/api/pipelines", method: "GET", status: "200" };
    expect(value(after, "sagedeck_http_requests_total", listed)).toBe(2);

    const call = { service: "sagemaker", operation: "ListPipelines", account: "home", kind: "read" };
    expect(value(after, "sagedeck_upstream_calls_total", { ...call, outcome: "ok" })).toBe(1);
    const missing = { service: "sagemaker", operation: "DescribePipeline", outcome: "not_found" };
    expect(value(after, "sagedeck_upstream_calls_total", missing)).toBe(1);
    expect(
      value(after, "sagedeck_cache_reads_total", { resource: "pipelines", result: "hit" }),
    ).toBeGreaterThan(0);
    expect(
      value(after, "sagedeck_cache_reads_total", { resource: "pipelines", result: "miss" }),
    ).toBeGreaterThan(0);
  });
});
