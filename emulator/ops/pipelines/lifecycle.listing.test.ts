/** Execution lifecycle through the SDK: listing executions and steps, sorting, time filters, pagination. */
import {
  DescribePipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  ListPipelineExecutionStepsCommand,
  paginateListPipelineExecutions,
  paginateListPipelineExecutionSteps,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";
import { createPipeline, definition, processing, start, waitFor } from "./test-helpers";

const emu = emulatorFixture();

describe("listing", () => {
  it("lists executions newest first, sorts by ARN, filters by time, pages every execution exactly once", async () => {
    await createPipeline(emu.client(), "t-life-list", definition([processing("A")]));
    const arns: string[] = [];
    for (let i = 0; i < 5; i++) {
      arns.push(await start(emu.client(), "t-life-list", {}, { PipelineExecutionDisplayName: `run-${i}` }));
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const a of arns) await waitFor(emu.client(), a);
    const all = await emu.client().send(new ListPipelineExecutionsCommand({ PipelineName: "t-life-list" }));
    expect(all.PipelineExecutionSummaries?.map((e) => e.PipelineExecutionArn)).toEqual([...arns].reverse());
    expect(all.PipelineExecutionSummaries?.[0]?.PipelineExecutionDisplayName).toBe("run-4");
    expect(all.PipelineExecutionSummaries?.[0]?.PipelineExecutionStatus).toBe("Succeeded");
    const asc = await emu.client().send(
      new ListPipelineExecutionsCommand({
        PipelineName: "t-life-list",
        SortBy: "PipelineExecutionArn",
        SortOrder: "Ascending",
      }),
    );
    expect(asc.PipelineExecutionSummaries?.map((e) => e.PipelineExecutionArn)).toEqual([...arns].sort());
    const seen: string[] = [];
    for await (const page of paginateListPipelineExecutions(
      { client: emu.client(), pageSize: 2 },
      { PipelineName: "t-life-list", SortOrder: "Ascending" },
    ))
      for (const e of page.PipelineExecutionSummaries ?? []) seen.push(e.PipelineExecutionArn ?? "");
    expect(seen).toEqual(arns);
    const third = await emu
      .client()
      .send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arns[2] }));
    const after = await emu.client().send(
      new ListPipelineExecutionsCommand({
        PipelineName: "t-life-list",
        CreatedAfter: third.CreationTime,
        SortOrder: "Ascending",
      }),
    );
    expect(after.PipelineExecutionSummaries?.map((e) => e.PipelineExecutionArn)).toEqual(arns.slice(3));
    const nf = await errorOf(
      emu.client().send(new ListPipelineExecutionsCommand({ PipelineName: "t-life-nothing" })),
    );
    expect(nf.name).toBe("ResourceNotFound");
    const bad = await errorOf(
      emu.client().send(
        new ListPipelineExecutionsCommand({
          PipelineName: "t-life-list",
          SortBy: "Name" as "CreationTime",
        }),
      ),
    );
    expect(bad.name).toBe("ValidationException");
  });

  it("pages steps in both orders", async () => {
    const def = definition(
      ["A", "B", "C", "D"].map((n, i, all) => processing(n, i > 0 ? { DependsOn: [all[i - 1]] } : {})),
    );
    await createPipeline(emu.client(), "t-life-steps", def);
    const arn = await start(emu.client(), "t-life-steps");
    expect(await waitFor(emu.client(), arn)).toBe("Succeeded");
    const names: string[] = [];
    for await (const page of paginateListPipelineExecutionSteps(
      { client: emu.client(), pageSize: 1 },
      { PipelineExecutionArn: arn, SortOrder: "Ascending" },
    ))
      for (const s of page.PipelineExecutionSteps ?? []) names.push(s.StepName ?? "");
    expect(names).toEqual(["A", "B", "C", "D"]);
    const desc = await emu
      .client()
      .send(new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: arn }));
    expect(desc.PipelineExecutionSteps?.map((s) => s.StepName)).toEqual(["D", "C", "B", "A"]);
  });
});
