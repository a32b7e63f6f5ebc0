/** The execution engine: every condition type, Std:Join, execution variables and Fail messages. */
import { DescribePipelineExecutionCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { createPipeline, definition, processing, start, steps, waitFor } from "./test-helpers";
import { lambda } from "../../testing/pipeline-steps";

const emu = emulatorFixture();

describe("conditions and expressions", () => {
  const conditions: Record<string, unknown> = {
    Eq: { Type: "Equals", LeftValue: { Get: "Parameters.X" }, RightValue: 5 },
    Gt: { Type: "GreaterThan", LeftValue: { Get: "Parameters.X" }, RightValue: 3 },
    Ge: { Type: "GreaterThanOrEqualTo", LeftValue: { Get: "Parameters.X" }, RightValue: 5 },
    Lt: { Type: "LessThan", LeftValue: { Get: "Parameters.X" }, RightValue: 3 },
    Le: { Type: "LessThanOrEqualTo", LeftValue: { Get: "Parameters.X" }, RightValue: 1 },
    In: { Type: "In", QueryValue: { Get: "Parameters.S" }, Values: ["a", "b"] },
    Not: { Type: "Not", Condition: { Type: "Equals", LeftValue: { Get: "Parameters.X" }, RightValue: 5 } },
    Or: {
      Type: "Or",
      Conditions: [
        { Type: "Equals", LeftValue: { Get: "Parameters.X" }, RightValue: 1 },
        { Type: "Equals", LeftValue: { Get: "Parameters.S" }, RightValue: "zzz" },
      ],
    },
    Bool: { Type: "Equals", LeftValue: { Get: "Parameters.B" }, RightValue: true },
  };
  const def = definition(
    Object.entries(conditions).map(([k, cond]) => ({
      Name: `C${k}`,
      Type: "Condition",
      Arguments: { Conditions: [cond], IfSteps: [lambda(`C${k}-yes`)], ElseSteps: [lambda(`C${k}-no`)] },
    })),
    [
      { Name: "X", Type: "Integer", DefaultValue: 5 },
      { Name: "S", Type: "String", DefaultValue: "a" },
      { Name: "B", Type: "Boolean", DefaultValue: true },
    ],
  );

  it("evaluates every condition type and runs only the taken branch", async () => {
    await createPipeline(emu.client(), "t-eng-conditions", def);
    const expectations: [Record<string, string>, Record<string, boolean>][] = [
      [
        {},
        { Eq: true, Gt: true, Ge: true, Lt: false, Le: false, In: true, Not: false, Or: false, Bool: true },
      ],
      [
        { X: "1", S: "c", B: "false" },
        { Eq: false, Gt: false, Ge: false, Lt: true, Le: true, In: false, Not: true, Or: true, Bool: false },
      ],
    ];
    for (const [params, outcomes] of expectations) {
      const arn = await start(emu.client(), "t-eng-conditions", params);
      expect(await waitFor(emu.client(), arn)).toBe("Succeeded");
      const s = await steps(emu.client(), arn);
      for (const [k, outcome] of Object.entries(outcomes)) {
        expect(s.get(`C${k}`)?.Metadata?.Condition?.Outcome, k).toBe(outcome ? "True" : "False");
        expect(s.has(`C${k}-yes`), k).toBe(outcome);
        expect(s.has(`C${k}-no`), k).toBe(!outcome);
      }
    }
  });

  it("resolves Std:Join, execution variables and Fail messages", async () => {
    const d = definition(
      [
        processing("Prep"),
        {
          Name: "Stop",
          Type: "Fail",
          Arguments: {
            ErrorMessage: {
              "Std:Join": {
                On: "|",
                Values: [
                  { Get: "Execution.PipelineName" },
                  { Get: "Execution.PipelineExecutionId" },
                  { Get: "Parameters.Who" },
                  { Get: "Steps.Prep.ProcessingOutputConfig.Outputs['out'].S3Output.S3Uri" },
                ],
              },
            },
          },
        },
      ],
      [{ Name: "Who", Type: "String", DefaultValue: "nobody" }],
    );
    await createPipeline(emu.client(), "t-eng-join", d);
    const arn = await start(emu.client(), "t-eng-join", { Who: "me" });
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const id = arn.split("/").pop();
    const message = `t-eng-join|${id}|me|s3://test-bucket/Prep/out`;
    const s = await steps(emu.client(), arn);
    expect(s.get("Stop")?.Metadata?.Fail?.ErrorMessage).toBe(message);
    expect(s.get("Stop")!.StartTime!.getTime()).toBeGreaterThanOrEqual(s.get("Prep")!.EndTime!.getTime());
    const desc = await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(desc.FailureReason).toBe(message);
    expect(desc.PipelineExecutionStatus).toBe("Failed");
  });
});
