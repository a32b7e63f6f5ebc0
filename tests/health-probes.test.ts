/** Liveness and readiness (app/api/health/live, /ready) on PGlite and the real emulator; readiness fails once shutting down. */
import "@/tests/helpers/scratch-data-dir";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { callRoute } from "@/tests/helpers/route-call";

emulatorFixture();

const get = async (path: "live" | "ready") => {
  const mod =
    path === "live"
      ? await import("@/app/api/health/live/route")
      : await import("@/app/api/health/ready/route");
  return callRoute(mod.GET, new Request(`http://127.0.0.1/api/health/${path}`));
};

describe("health probes", () => {
  it("liveness answers 200 without touching anything", async () => {
    const res = await get("live");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "live" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("readiness: database reachable, this build's migrations applied, the accounts reported", async () => {
    const res = await get("ready");
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: "ready", database: { ok: true } });
    const m = body.migrations as { expected: number; applied: number };
    expect(m.expected).toBeGreaterThan(0);
    expect(m.applied).toBe(m.expected);
    expect(body.accounts).toEqual([expect.objectContaining({ name: "home", status: "reachable" })]);
  });

  it("readiness answers 503 once shutting down; liveness still 200; /api/health keeps working", async () => {
    const { beginShutdown } = await import("@/lib/lifecycle");
    beginShutdown();
    const res = await get("ready");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "not_ready", reason: "shutting down" });
    expect((await get("live")).status).toBe(200);
    const { GET } = await import("@/app/api/health/route");
    expect((await callRoute(GET, new Request("http://127.0.0.1/api/health"))).status).toBe(200);
  });
});
