import { describe, expect, it } from "vitest";
import { sortSummaries } from "@/lib/experiments/experiment-sorts";
import { ValidationError } from "@/lib/errors";
import { listExperiments } from "@/lib/sagemaker/experiments/reads";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

// issue 20: the experiments list sorts by run count and by last activity. SageMaker Search cannot sort
// experiments by either, so the server reads every matching experiment's summary, sorts, then pages.

const emu = emulatorFixture({ noCache: true });

async function searchCalls(): Promise<number> {
  const r = await fetch(`${emu.url()}/_emulator/stats`);
  return ((await r.json()) as { calls: Record<string, number> }).calls.Search ?? 0;
}

describe("experiments list sorted by runs and last activity (real emulator)", () => {
  it("sorts every experiment by run count, pages the order with its own cursor, and counts honestly", async () => {
    const everything = await listExperiments({ sort: "name", dir: "asc", size: 100 });
    expect(everything.total).toBeGreaterThan(10);
    const expected = sortSummaries(everything.items, "runs", "desc").map((e) => [e.name, e.runs]);
    expect(new Set(expected.map(([, runs]) => runs)).size).toBeGreaterThan(1);

    const before = await searchCalls();
    const first = await listExperiments({ sort: "runs", dir: "desc", size: 10 });
    // one Search page of experiments (fewer than 100 in the demo) + one run count per experiment
    expect((await searchCalls()) - before).toBe(1 + everything.total);
    expect(first.total).toBe(everything.total);
    expect(first.items.map((e) => [e.name, e.runs])).toEqual(expected.slice(0, 10));
    expect(first.nextToken).toBe("o:10");
    const second = await listExperiments({ sort: "runs", dir: "desc", size: 10, after: first.nextToken });
    expect(second.items.map((e) => [e.name, e.runs])).toEqual(expected.slice(10, 20));

    const fewest = await listExperiments({ sort: "runs", dir: "asc", size: 100 });
    const runs = fewest.items.map((e) => e.runs);
    expect(runs).toEqual([...runs].sort((a, b) => a - b));
    expect(fewest.nextToken).toBeUndefined();
  });

  it("sorts by last activity, newest first, within a name search", async () => {
    const page = await listExperiments({ q: "churn", sort: "activity", dir: "desc", size: 100 });
    expect(page.items.length).toBeGreaterThan(1);
    expect(page.items.every((e) => e.name.includes("churn"))).toBe(true);
    const times = page.items.map((e) => e.lastActivityAt ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byCreation = await listExperiments({ q: "churn", sort: "created", dir: "desc", size: 100 });
    expect(byCreation.total).toBe(page.total);
  });

  it("refuses a page token of another sort with a message that says what to do", async () => {
    const created = await listExperiments({ sort: "created", size: 10 });
    await expect(listExperiments({ sort: "runs", size: 10, after: created.nextToken })).rejects.toThrow(
      ValidationError,
    );
    await expect(listExperiments({ sort: "runs", size: 10, after: "nonsense" })).rejects.toThrow(
      /go back to the first page/,
    );
  });
});
