/**
 * Issue 17 item 3: throttling must not freeze the app. Reads fail fast (no shared client-side rate limiter) and
 * serve the cached value with its "as of" time when SageMaker throttles; writes retry until their deadline.
 * Real emulator over HTTP with its fault injection.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { listAllGroupVersions, listModelGroups, describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { setLifecycle } from "@/lib/sagemaker/registry/writes";
import { STALE_SINCE_HEADER, trackStaleness, withStaleHeader } from "@/lib/sagemaker/stale";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { emulatorCalls } from "@/tests/helpers/wait";

// every cached entry is expired by the next read: each read goes to SageMaker, with a stale value to fall back on
process.env.SAGEMAKER_CACHE_TTL_MS = "1";
const emu = emulatorFixture({ dataDir: "sagedeck-faults-throttle-" });

async function fault(body: object | object[]): Promise<void> {
  const res = await fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

async function timed<T>(p: () => Promise<T>): Promise<{ ms: number; ok: boolean; error?: unknown }> {
  const t0 = performance.now();
  try {
    await p();
    return { ms: performance.now() - t0, ok: true };
  } catch (error) {
    return { ms: performance.now() - t0, ok: false, error };
  }
}

const N = 40;
const BOUND_MS = 1_500;
let arns: string[] = [];

beforeAll(async () => {
  const groups = await listModelGroups();
  for (const g of groups) arns.push(...(await listAllGroupVersions(g.name)).map((v) => v.arn));
  arns = arns.slice(0, N);
  expect(arns.length).toBeGreaterThanOrEqual(20);
});
afterEach(async () => {
  await fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });
});

describe("throttled reads (20% ThrottlingException on DescribeModelPackage)", () => {
  it(`${N} concurrent fresh reads, three waves, all finish within ${BOUND_MS} ms; failures are a clear 429`, async () => {
    await fault({ operation: "DescribeModelPackage", throttle: true, errorRate: 0.2 });
    const all: { ms: number; ok: boolean; error?: unknown }[] = [];
    for (let wave = 0; wave < 3; wave++) {
      all.push(...(await Promise.all(arns.map((arn) => timed(() => describeModelVersion(arn, true))))));
    }
    const slowest = Math.max(...all.map((r) => r.ms));
    const failed = all.filter((r) => !r.ok);
    console.log(
      `throttled fresh reads: ${all.length}, slowest ${slowest.toFixed(0)} ms, failed ${failed.length} (429)`,
    );
    expect(slowest).toBeLessThan(BOUND_MS);
    for (const f of failed) expect(f.error).toBeInstanceOf(RateLimitedError);
    expect(failed.length).toBeLessThan(all.length * 0.15); // one quick retry: ~4% fail, not 20%
  });

  it("cached reads all answer within the bound: fresh where SageMaker answered, else stale with 'as of'", async () => {
    const before = Date.now();
    await Promise.all(arns.map((arn) => describeModelVersion(arn))); // cached (TTL 1 ms: expired at once)
    await fault({ operation: "DescribeModelPackage", throttle: true, errorRate: 0.2 });
    const results = await Promise.all(
      arns.map((arn) => timed(() => trackStaleness(() => describeModelVersion(arn)))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(BOUND_MS);

    // SageMaker throttles every read: each one is the cached value, marked stale since it was read
    await fault({ operation: "DescribeModelPackage", throttle: true });
    const calls = (await emulatorCalls(emu.url())).DescribeModelPackage ?? 0;
    const { result, staleSince } = await trackStaleness(() => describeModelVersion(arns[0] ?? ""));
    expect(result.arn).toBe(arns[0]);
    expect(staleSince).not.toBeNull();
    expect(staleSince?.getTime()).toBeGreaterThanOrEqual(before);
    expect(staleSince?.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await emulatorCalls(emu.url())).DescribeModelPackage).toBe(calls + 2); // asked, retried once
    const res = withStaleHeader(Response.json(result), staleSince);
    expect(res.headers.get(STALE_SINCE_HEADER)).toBe(staleSince?.toISOString());
  });

  it("never serves stale for a fresh read (decisions) or after a write: the 429 comes through", async () => {
    const arn = arns[1] ?? "";
    await describeModelVersion(arn);
    await fault({ operation: "DescribeModelPackage", throttle: true });
    await expect(describeModelVersion(arn, true)).rejects.toBeInstanceOf(RateLimitedError);
    await setLifecycle({ arn, stage: "Development", stageStatus: "Testing", description: "after" });
    await expect(describeModelVersion(arn)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("a write retries through 5xx and throttling mixed on one operation, within its deadline", async () => {
    const arn = arns[2] ?? "";
    await fault({
      operation: "UpdateModelPackage",
      count: 3,
      mix: [
        { errorCode: "ThrottlingException", errorRate: 0.5 },
        { errorCode: "InternalFailure", errorRate: 0.5 },
      ],
    });
    const r = await timed(() =>
      setLifecycle({ arn, stage: "Development", stageStatus: "Testing", description: "retried" }),
    );
    expect(r.ok).toBe(true);
    expect((await describeModelVersion(arn, true)).stageDescription).toBe("retried");
  });
});
