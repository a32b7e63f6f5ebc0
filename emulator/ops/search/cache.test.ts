/** The Search hit cache never serves a result older than the last write. */
import {
  AssociateTrialComponentCommand,
  CreateExperimentCommand,
  CreateTrialCommand,
  CreateTrialComponentCommand,
  SearchCommand,
  UpdateTrialComponentCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";

const emu = emulatorFixture();

describe("Search result cache", () => {
  it("sees a new run and a changed parameter right after the write", async () => {
    const c = emu.handle().client();
    await c.send(new CreateExperimentCommand({ ExperimentName: "cache-probe" }));
    await c.send(new CreateTrialCommand({ TrialName: "cache-probe-trial", ExperimentName: "cache-probe" }));
    const add = async (name: string, depth: number) => {
      await c.send(
        new CreateTrialComponentCommand({
          TrialComponentName: name,
          Parameters: { max_depth: { NumberValue: depth } },
        }),
      );
      await c.send(
        new AssociateTrialComponentCommand({ TrialComponentName: name, TrialName: "cache-probe-trial" }),
      );
    };
    const search = () =>
      c.send(
        new SearchCommand({
          Resource: "ExperimentTrialComponent",
          SearchExpression: {
            Filters: [{ Name: "Parents.ExperimentName", Operator: "Equals", Value: "cache-probe" }],
          },
          SortBy: "Parameters.max_depth",
          SortOrder: "Descending",
        }),
      );
    await add("cache-probe-a", 3);
    const first = await search();
    expect(first.TotalHits?.Value).toBe(1);
    expect((await search()).TotalHits?.Value).toBe(1);

    await add("cache-probe-b", 7);
    const second = await search();
    expect(second.Results?.map((r) => r.TrialComponent?.TrialComponentName)).toEqual([
      "cache-probe-b",
      "cache-probe-a",
    ]);

    await c.send(
      new UpdateTrialComponentCommand({
        TrialComponentName: "cache-probe-a",
        Parameters: { max_depth: { NumberValue: 9 } },
      }),
    );
    const third = await search();
    expect(third.Results?.map((r) => r.TrialComponent?.TrialComponentName)).toEqual([
      "cache-probe-a",
      "cache-probe-b",
    ]);
  });
});
