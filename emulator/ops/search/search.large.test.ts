/**
 * Search at EMULATOR_SCALE=large: one experiment with 10,000 runs. A page of an experiment + metric filter
 * + metric sort must come back well under 100 ms of server time, and not grow with the experiment's size.
 */
import { SearchCommand, type SageMakerClient, type SearchCommandInput } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "../../testing/harness";

let emu: EmulatorHandle;
let sm: SageMakerClient;

beforeAll(async () => {
  emu = await startEmulator({ env: { EMULATOR_SCALE: "large" }, timeoutMs: 170_000 });
  sm = emu.client();
}, 180_000);

afterAll(async () => {
  await emu?.stop();
});

const query = (experiment: string): SearchCommandInput => ({
  Resource: "ExperimentTrialComponent",
  SearchExpression: {
    Filters: [
      { Name: "Parents.ExperimentName", Operator: "Equals", Value: experiment },
      { Name: "Metrics.validation:auc", Operator: "GreaterThan", Value: "0.75" },
    ],
  },
  SortBy: "Metrics.validation:auc",
  SortOrder: "Descending",
  MaxResults: 100,
});

/** Median wall time of n identical searches (over loopback HTTP, so an upper bound on server time). */
async function median(input: SearchCommandInput, n = 7): Promise<{ ms: number; total: number }> {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await sm.send(new SearchCommand(input));
    times.push(performance.now() - t);
    total = r.TotalHits!.Value!;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(n / 2)]!, total };
}

describe("Search at large scale", () => {
  it("has the 10,000-run and the 100-run experiments", async () => {
    for (const [name, runs] of [
      ["bench-10k-runs", 10_000],
      ["bench-100-runs", 100],
    ] as const) {
      const r = await sm.send(
        new SearchCommand({
          Resource: "ExperimentTrialComponent",
          SearchExpression: { Filters: [{ Name: "Parents.ExperimentName", Value: name }] },
          MaxResults: 1,
        }),
      );
      expect(r.TotalHits!.Value).toBe(runs);
    }
  });

  it("answers experiment + metric filter + metric sort in well under 100 ms", async () => {
    await sm.send(new SearchCommand(query("bench-10k-runs")));
    const big = await median(query("bench-10k-runs"));
    const small = await median(query("bench-100-runs"));
    console.log(
      `search page: 10k-run experiment ${big.ms.toFixed(1)} ms (${big.total} hits), 100-run ${small.ms.toFixed(1)} ms`,
    );
    expect(big.total).toBeGreaterThan(100);
    expect(big.ms).toBeLessThan(100);
    const r = await sm.send(new SearchCommand(query("bench-10k-runs")));
    const aucs = r.Results!.map(
      (x) => x.TrialComponent!.Metrics!.find((m) => m.MetricName === "validation:auc")!.Last!,
    );
    expect([...aucs].sort((a, b) => b - a)).toEqual(aucs);
    expect(aucs.every((a) => a > 0.75)).toBe(true);
  }, 60_000);
});
