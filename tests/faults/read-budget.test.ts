/**
 * Issue 20 ("when SageMaker hangs, pages show skeletons forever"): a request's SageMaker reads share one budget
 * (SAGEMAKER_TIMEOUT_MS) however many it makes one after another, then it answers 504 with a clear message.
 * Real emulator over HTTP with injected latency; each single read is well inside the per-call timeout, only
 * their sum is not.
 */
import { afterEach, describe, expect, it } from "vitest";
import { UpstreamTimeoutError } from "@/lib/errors";
import { withReadBudget } from "@/lib/sagemaker/budget";
import { describeModelVersion, listAllGroupVersions, listModelGroups } from "@/lib/sagemaker/registry/reads";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

process.env.SAGEMAKER_TIMEOUT_MS = "10000";
const emu = emulatorFixture({ dataDir: "sagedeck-read-budget-", noCache: true });

async function fault(body: object | object[]): Promise<void> {
  const res = await fetch(`${emu.url()}/_emulator/faults`, { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

afterEach(async () => {
  await fetch(`${emu.url()}/_emulator/faults`, { method: "DELETE" });
});

/** Five reads one after another, as a cold page's rounds of calls are. */
async function fiveReads(arns: string[]): Promise<number> {
  let n = 0;
  for (const arn of arns.slice(0, 5)) {
    await describeModelVersion(arn, true);
    n += 1;
  }
  return n;
}

describe("a request's SageMaker reads share one time budget", () => {
  it("slow reads in sequence end with a 504-style error at the budget instead of adding up", async () => {
    const [group] = await listModelGroups(true);
    const arns = (await listAllGroupVersions(group?.name ?? "")).map((v) => v.arn);
    expect(arns.length).toBeGreaterThanOrEqual(5);
    await fault({ operation: "DescribeModelPackage", latencyMs: 400 });

    // without a budget the five reads all succeed (each is far inside the 10 s per-call timeout)…
    expect(await fiveReads(arns)).toBe(5);
    // …with a 1 s budget the request gives up when it is spent, saying what happened and what to do
    const err = await withReadBudget(1_000, () => fiveReads(arns)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamTimeoutError);
    expect((err as Error).message).toMatch(
      /SageMaker did not answer within 1 s \(DescribeModelPackage\)\. Try again; if it keeps happening/,
    );
  }, 60_000);

  it("reads inside the budget are unaffected", async () => {
    const [group] = await listModelGroups(true);
    await expect(
      withReadBudget(10_000, () => listAllGroupVersions(group?.name ?? "")),
    ).resolves.not.toHaveLength(0);
  });
});
