/**
 * Issue 20 (Everyone) / issue 18: maturity pages read the latest background collection — a page view never
 * starts a full collection, however old the result — and during an outage they report the error instead of
 * an organisation with zero solutions. Real emulator (no cache, so every read is counted), PGlite.
 */
import "@/tests/helpers/scratch-data-dir";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

const emu = emulatorFixture({ noCache: true });
const faults = (init?: RequestInit) => fetch(`${emu.url()}/_emulator/faults`, init);
const down = () =>
  faults({
    method: "POST",
    body: JSON.stringify({ operation: "*", errorCode: "ServiceUnavailable", status: 503 }),
  });
async function calls(): Promise<number> {
  const body = (await (await fetch(`${emu.url()}/_emulator/stats`)).json()) as {
    calls?: Record<string, number>;
  };
  return Object.entries(body.calls ?? body).reduce(
    (n, [k, v]) => (k.startsWith("_") || typeof v !== "number" ? n : n + v),
    0,
  );
}

afterEach(async () => {
  await faults({ method: "DELETE" });
  vi.restoreAllMocks();
  (await import("@/lib/maturity-report/latest")).resetMaturityCollector();
});

describe("maturity pages read the latest background collection", () => {
  it("a page view an hour later reads the same result: no SageMaker call, 'as of' the collection", async () => {
    const { getMaturityOverview } = await import("@/lib/maturity-report/report");
    const first = await getMaturityOverview(); // the first read waits for the collector's first collection
    expect(first.solutions.length).toBeGreaterThan(0);
    const realNow = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(realNow + 3_600_000);
    const before = await calls();
    const later = await getMaturityOverview();
    expect(await calls()).toBe(before);
    expect(later.generatedAt).toBe(first.generatedAt);
    expect(later.refreshMinutes).toBe(5);
  }, 180_000);

  it("during an outage with no earlier result: the read fails with the error, never zero solutions", async () => {
    const { getMaturityOverview } = await import("@/lib/maturity-report/report");
    await down();
    await expect(getMaturityOverview()).rejects.toThrow(
      /maturity collection .* failed: SageMaker could not be read/,
    );
  }, 180_000);

  it("an outage after a good collection keeps the good figures and reports the failed one", async () => {
    const { getMaturityOverview } = await import("@/lib/maturity-report/report");
    const { collectNow } = await import("@/lib/maturity-report/latest");
    const good = await getMaturityOverview();
    await down();
    await expect(collectNow()).rejects.toThrow(/SageMaker could not be read/);
    const after = await getMaturityOverview();
    expect(after.solutions.map((s) => s.key)).toEqual(good.solutions.map((s) => s.key));
    expect(after.generatedAt).toBe(good.generatedAt);
    expect(after.collectionFailure?.message).toMatch(/SageMaker could not be read/);
  }, 180_000);
});
