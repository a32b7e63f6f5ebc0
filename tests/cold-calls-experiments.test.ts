/**
 * Issue 18 for the experiments list: at most three SageMaker calls when its cache expired and none warm, by
 * creation and by run count, counted by the real emulator. The run counts and newest runs are kept in sync
 * (lib/sagemaker/experiments/activity.ts: one Search over the runs changed since the last read), and the answer
 * must be the one a read from an empty cache gives, also after runs are logged, edited and deleted outside
 * SageDeck and an experiment is created there.
 */
import "@/tests/helpers/scratch-data-dir";
import {
  AssociateTrialComponentCommand,
  CreateExperimentCommand,
  CreateTrialCommand,
  CreateTrialComponentCommand,
  DeleteTrialComponentCommand,
  DisassociateTrialComponentCommand,
  SearchCommand,
  UpdateTrialComponentCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { ExperimentPage } from "@/lib/experiments/types";
import { listExperiments } from "@/lib/sagemaker/experiments/reads";
import { coldAndWarm as coldAndWarmAt, coldRead, fromScratch } from "@/tests/helpers/cold-calls";
import { clientAs } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

const emu = emulatorFixture();
const studio = () => clientAs(emu.url(), "studio-user");

const cold = <T>(load: () => Promise<T>) => coldRead(emu.url(), load);

/** A run logged the way the SageMaker Python SDK's Run does: a trial component in the default run group. */
async function logRun(experiment: string, run: string) {
  await studio().send(
    new CreateTrialComponentCommand({
      TrialComponentName: `${experiment}-${run}`,
      DisplayName: run,
      Status: { PrimaryStatus: "InProgress" },
      StartTime: new Date(),
    }),
  );
  await studio().send(
    new AssociateTrialComponentCommand({
      TrialComponentName: `${experiment}-${run}`,
      TrialName: `Default-Run-Group-${experiment}`,
    }),
  );
}

const row = (page: ExperimentPage, name: string) => page.items.find((e) => e.name === name);

const byCreation = () => listExperiments({});
const lists: [string, () => Promise<ExperimentPage>][] = [
  ["by creation", byCreation],
  ["by runs", () => listExperiments({ sort: "runs", dir: "desc", size: 10 })],
  ["by last activity", () => listExperiments({ sort: "activity", dir: "asc", size: 100 })],
];

/** Each list costs ≤ 3 calls cold and equals a read from scratch (which leaves the synced state in place). */
async function expectColdAndFresh(what: string) {
  const answers: ExperimentPage[] = [];
  for (const [name, list] of lists) {
    const r = await cold(list);
    expect(r.calls, `${what}, ${name}: ${r.byOp}`).toBeLessThanOrEqual(3);
    expect(r.value, `${what}, ${name}`).toEqual(await fromScratch(list));
    answers.push(r.value);
  }
  return answers;
}

describe("the experiments list costs at most three SageMaker calls cold", () => {
  it("by creation and by run count, also after runs and an experiment are added outside SageDeck", async () => {
    for (const [name, list] of lists) {
      const { cold: c, warm } = await coldAndWarmAt(emu.url(), list);
      expect(c.total, `${name}: ${JSON.stringify(c.byOp)}`).toBeLessThanOrEqual(3);
      expect(warm.total, `${name}: ${JSON.stringify(warm.byOp)}`).toBe(0);
    }
    const all = () => listExperiments({ sort: "name", size: 100 });
    const before = await all();
    const tuning = row(before, "churn-xgb-tuning");
    expect(tuning?.runs).toBeGreaterThan(0);

    // logged in Studio: two more runs, the newest activity
    const t0 = Date.now() - 1000;
    await logRun("churn-xgb-tuning", "studio-1");
    await logRun("churn-xgb-tuning", "studio-2");
    // an old run of another experiment edited in Studio: its newest activity, not one more run
    const oldest = await studio().send(
      new SearchCommand({
        Resource: "ExperimentTrialComponent",
        SearchExpression: {
          Filters: [{ Name: "Parents.ExperimentName", Operator: "Equals", Value: "fraud-imbalance-study" }],
        },
        SortBy: "CreationTime",
        SortOrder: "Ascending",
        MaxResults: 1,
      }),
    );
    const edited = oldest.Results?.[0]?.TrialComponent?.TrialComponentName ?? "";
    await studio().send(
      new UpdateTrialComponentCommand({ TrialComponentName: edited, DisplayName: "relabelled-in-studio" }),
    );

    await expectColdAndFresh("runs logged and edited");
    const after = await all();
    expect(row(after, "churn-xgb-tuning")?.runs).toBe((tuning?.runs ?? 0) + 2);
    expect(row(after, "churn-xgb-tuning")?.lastActivityAt).toBeGreaterThanOrEqual(t0);
    expect(row(after, "fraud-imbalance-study")?.runs).toBe(row(before, "fraud-imbalance-study")?.runs);
    expect(row(after, "fraud-imbalance-study")?.lastActivityAt).toBeGreaterThanOrEqual(t0);
    const others = (p: ExperimentPage) =>
      p.items.filter((e) => !["churn-xgb-tuning", "fraud-imbalance-study"].includes(e.name));
    expect(others(after)).toEqual(others(before));

    // an experiment created in Studio: the newest row, read once (≤ 3 calls with the list and the sync)
    await studio().send(new CreateExperimentCommand({ ExperimentName: "studio-notebook" }));
    await studio().send(
      new CreateTrialCommand({
        TrialName: "Default-Run-Group-studio-notebook",
        ExperimentName: "studio-notebook",
      }),
    );
    await logRun("studio-notebook", "first");
    const [created] = await expectColdAndFresh("experiment created");
    expect(created?.items[0]).toMatchObject({ name: "studio-notebook", runs: 1, source: "manual" });
    const again = await cold(byCreation);
    expect(again.calls, again.byOp).toBeLessThanOrEqual(3);
  }, 240_000);

  it("counts a run deleted outside SageDeck out (the totals disagree: every count is read again)", async () => {
    const list = () => listExperiments({ sort: "runs", dir: "desc", size: 100 });
    await list();
    await logRun("churn-calibration", "to-delete");
    const added = await cold(list);
    expect(added.calls, added.byOp).toBeLessThanOrEqual(3);
    const runs = row(added.value, "churn-calibration")?.runs ?? 0;

    await studio().send(
      new DisassociateTrialComponentCommand({
        TrialComponentName: "churn-calibration-to-delete",
        TrialName: "Default-Run-Group-churn-calibration",
      }),
    );
    await studio().send(
      new DeleteTrialComponentCommand({ TrialComponentName: "churn-calibration-to-delete" }),
    );
    const deleted = await cold(list);
    expect(row(deleted.value, "churn-calibration")?.runs).toBe(runs - 1);
    expect(deleted.value).toEqual(await fromScratch(list));
    const settled = await coldAndWarmAt(emu.url(), list);
    expect(settled.cold.total, JSON.stringify(settled.cold.byOp)).toBeLessThanOrEqual(3);
    expect(settled.warm.total).toBe(0);
  }, 240_000);
});
