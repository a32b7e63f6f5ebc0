/** Search over the seeded demo: manual experiments and runs, project tags, a quick metric filter + sort. */
import {
  ListTrialComponentsCommand,
  SearchCommand,
  type SearchCommandInput,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { SEEDED, inExp, searcher } from "../../testing/search";

const emu = emulatorFixture();
const searchAll = searcher(emu);

describe("Search over the seeded demo", () => {
  it("has at least 17 manual experiments and 500 runs with parameters and metrics", async () => {
    const exps = await emu.client().send(
      new SearchCommand({
        Resource: "Experiment",
        SearchExpression: { Filters: [{ Name: "Tags.team", Operator: "Exists" }] },
      }),
    );
    expect(exps.TotalHits!.Value).toBeGreaterThanOrEqual(17);
    const runs = await emu.client().send(
      new SearchCommand({
        Resource: "ExperimentTrialComponent",
        SearchExpression: {
          Filters: [
            { Name: "Parents.TrialName", Operator: "Contains", Value: "Default-Run-Group-" },
            { Name: "Parameters", Operator: "Exists" },
            { Name: "Metrics", Operator: "Exists" },
          ],
        },
        MaxResults: 1,
      }),
    );
    expect(runs.TotalHits!.Value).toBeGreaterThanOrEqual(500);
    for (const status of ["Completed", "Failed", "InProgress"]) {
      const s = await emu.client().send(
        new SearchCommand({
          Resource: "ExperimentTrialComponent",
          SearchExpression: { Filters: [{ Name: "Status.PrimaryStatus", Value: status }] },
          MaxResults: 1,
        }),
      );
      expect(s.TotalHits!.Value, status).toBeGreaterThan(0);
    }
  });

  it("finds a project's experiments by tag and trials by experiment", async () => {
    const exps = await emu.client().send(
      new SearchCommand({
        Resource: "Experiment",
        SearchExpression: { Filters: [{ Name: "Tags.sagemaker:project-name", Value: "recsys-ranking" }] },
        SortBy: "ExperimentName",
        SortOrder: "Ascending",
      }),
    );
    const names = exps.Results!.map((r) => r.Experiment!.ExperimentName);
    expect(names).toEqual(expect.arrayContaining(["recsys-negative-sampling", "recsys-two-tower"]));
    expect([...names].sort()).toEqual(names);
    const trials = await emu.client().send(
      new SearchCommand({
        Resource: "ExperimentTrial",
        SearchExpression: { Filters: [{ Name: "ExperimentName", Value: "recsys-two-tower" }] },
      }),
    );
    expect(trials.Results!.map((r) => r.Trial!.TrialName)).toEqual(["Default-Run-Group-recsys-two-tower"]);
    const summaries = trials.Results![0]!.Trial!.TrialComponentSummaries!;
    const runs = await searchAll({ SearchExpression: { Filters: [inExp("recsys-two-tower")] } });
    expect(summaries.map((s) => s.TrialComponentName).sort()).toEqual(
      runs.map((r) => r.TrialComponentName).sort(),
    );
    expect(summaries.length).toBe(30);
    expect(summaries[0]!.CreationTime).toBeInstanceOf(Date);
  });

  // its speed is measured by bench/emulator-scale.ts (npm run bench), not here
  it("answers an experiment + metric filter + metric sort", async () => {
    const input: SearchCommandInput = {
      Resource: "ExperimentTrialComponent",
      SearchExpression: {
        Filters: [inExp(SEEDED), { Name: "Metrics.validation:auc", Operator: "GreaterThan", Value: "0.5" }],
      },
      SortBy: "Metrics.validation:auc",
      SortOrder: "Descending",
      MaxResults: 100,
    };
    const r = await emu.client().send(new SearchCommand(input));
    expect(r.Results!.length).toBeGreaterThan(0);
    const list = await emu
      .client()
      .send(new ListTrialComponentsCommand({ ExperimentName: SEEDED, MaxResults: 100 }));
    expect(r.TotalHits!.Value).toBeLessThanOrEqual(list.TrialComponentSummaries!.length);
  });
});
