/**
 * Search at EMULATOR_SCALE=large: one experiment with 10,000 runs. A page of an experiment + metric filter
 * + metric sort must come back well under 100 ms of server time, and not grow with the experiment's size.
 */
import { SearchCommand, type SearchCommandInput } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";

// EMULATOR_QUIET=0: the emulator logs "<Operation> <status> <ms>ms" per request — the server-side time
const emu = emulatorFixture({ env: { EMULATOR_SCALE: "large", EMULATOR_QUIET: "0" }, timeoutMs: 170_000 });

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

const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median server-side and wall time of n identical searches (the server logs its own time per request). */
async function median(
  input: SearchCommandInput,
  n = 9,
): Promise<{ server: number; wall: number; total: number }> {
  const wall: number[] = [];
  let total = 0;
  const before = emu.handle().output().length;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await emu.client().send(new SearchCommand(input));
    wall.push(performance.now() - t);
    total = r.TotalHits!.Value!;
  }
  const server = [
    ...emu
      .handle()
      .output()
      .slice(before)
      .matchAll(/^Search 200 (\d+)ms$/gm),
  ].map((m) => Number(m[1]));
  expect(server.length).toBeGreaterThanOrEqual(n - 1);
  return { server: mid(server), wall: mid(wall), total };
}

describe("Search at large scale", () => {
  it("has the 10,000-run and the 100-run experiments", async () => {
    for (const [name, runs] of [
      ["bench-10k-runs", 10_000],
      ["bench-100-runs", 100],
    ] as const) {
      const r = await emu.client().send(
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
    await emu.client().send(new SearchCommand(query("bench-10k-runs")));
    const big = await median(query("bench-10k-runs"));
    const small = await median(query("bench-100-runs"));
    console.log(
      `search page (median server / wall ms): 10k-run experiment ${big.server} / ${big.wall.toFixed(1)} (${big.total} hits), 100-run ${small.server} / ${small.wall.toFixed(1)}`,
    );
    expect(big.total).toBeGreaterThan(100);
    expect(big.server).toBeLessThan(100);
    const r = await emu.client().send(new SearchCommand(query("bench-10k-runs")));
    const aucs = r.Results!.map(
      (x) => x.TrialComponent!.Metrics!.find((m) => m.MetricName === "validation:auc")!.Last!,
    );
    expect([...aucs].sort((a, b) => b - a)).toEqual(aucs);
    expect(aucs.every((a) => a > 0.75)).toBe(true);
  }, 60_000);
});
