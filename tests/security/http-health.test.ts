import "@/tests/helpers/scratch-data-dir";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { sessionUser } from "@/tests/helpers/session-user";
import type * as HealthModule from "@/lib/sagemaker/health";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));
// count the upstream probes; the answer arrives later, so concurrent requests overlap
let release: () => void = () => undefined;
const pingSageMaker = vi.fn(
  () =>
    new Promise<{ ok: boolean; latencyMs: number }>((resolve) => {
      release = () => resolve({ ok: true, latencyMs: 1 });
    }),
);
vi.mock("@/lib/sagemaker/health", async (importOriginal) => ({
  ...(await importOriginal<typeof HealthModule>()),
  pingSageMaker,
}));

const health = await import("@/app/api/health/route");
const { cachedSageMakerPing, resetHealthCache, SAGEMAKER_PROBE_TTL_MS } = await import("@/lib/health");
const get = () => health.GET(new Request("http://127.0.0.1/api/health"), { params: Promise.resolve({}) });

beforeAll(async () => {
  await (await import("@/lib/db")).getDb(); // open the scratch database first: the test is about the probe
});

beforeEach(() => {
  currentUser = null;
  resetHealthCache();
  pingSageMaker.mockClear();
});

describe("GET /api/health", () => {
  it("concurrent anonymous requests share one SageMaker probe, and get only the status", async () => {
    const pending = Array.from({ length: 8 }, () => get());
    await vi.waitFor(() => expect(pingSageMaker).toHaveBeenCalled());
    release();
    const answers = await Promise.all(pending);
    expect(pingSageMaker).toHaveBeenCalledTimes(1);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    const again = get();
    expect((await again).status).toBe(200);
    expect(pingSageMaker).toHaveBeenCalledTimes(1);
  });

  it("probes again only after the cache time", () => {
    const t0 = Date.now();
    void cachedSageMakerPing(t0);
    void cachedSageMakerPing(t0 + SAGEMAKER_PROBE_TTL_MS - 1);
    expect(pingSageMaker).toHaveBeenCalledTimes(1);
    void cachedSageMakerPing(t0 + SAGEMAKER_PROBE_TTL_MS);
    expect(pingSageMaker).toHaveBeenCalledTimes(2);
    release();
  });

  it("signed-in users see the mode, the database and the SageMaker source", async () => {
    currentUser = sessionUser("vera", "viewer");
    const res = get();
    await vi.waitFor(() => expect(pingSageMaker).toHaveBeenCalled());
    release();
    const body = (await (await res).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ok", mode: "local", database: { ok: true, kind: "pglite" } });
    expect(body.sagemaker).toMatchObject({ ok: true, source: "Local emulator" });
  });
});
