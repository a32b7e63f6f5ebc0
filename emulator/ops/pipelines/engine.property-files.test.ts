/**
 * Property files hold every path the definition's Std:JsonGet reads (by PropertyFile or S3Uri), with values a
 * real evaluation could produce; conditions follow them, and EMULATOR_PROPERTY_VALUES pins one to force a branch.
 */
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { lambda } from "../../testing/pipeline-steps";
import { createPipeline, definition, processing, start, steps, waitFor } from "./test-helpers";

const emu = emulatorFixture();

const evalFile = (path: string) => ({
  "Std:JsonGet": { PropertyFile: { Get: "Steps.Evaluate.PropertyFiles.EvaluationReport" }, Path: path },
});
const byUri = (path: string) => ({
  "Std:JsonGet": {
    S3Uri: {
      "Std:Join": {
        On: "/",
        Values: [
          { Get: "Steps.Evaluate.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri" },
          "extra.json",
        ],
      },
    },
    Path: path,
  },
});
const between = (value: unknown, lo: number, hi: number) => [
  { Type: "GreaterThanOrEqualTo", LeftValue: value, RightValue: lo },
  { Type: "LessThanOrEqualTo", LeftValue: value, RightValue: hi },
];

function pipeline(environment: Record<string, string> = {}): string {
  const evaluate = processing(
    "Evaluate",
    {
      PropertyFiles: [
        { PropertyFileName: "EvaluationReport", OutputName: "evaluation", FilePath: "evaluation.json" },
      ],
    },
    {
      Environment: environment,
      ProcessingOutputConfig: {
        Outputs: [
          {
            OutputName: "evaluation",
            S3Output: {
              S3Uri: "s3://b/eval",
              LocalPath: "/opt/ml/processing/evaluation",
              S3UploadMode: "EndOfJob",
            },
          },
        ],
      },
    },
  );
  const gate = {
    Name: "Gate",
    Type: "Condition",
    Arguments: {
      Conditions: [
        ...between(evalFile("regression_metrics.mse.value"), 0, 1),
        ...between(evalFile("regression_metrics.mse.standard_deviation"), 0, 0.1),
        ...between(evalFile("binary_classification_metrics['accuracy'].value"), 0.5, 1),
        ...between(evalFile("r2"), 0, 1),
        ...between(byUri("metrics.f1.value"), 0.5, 1),
      ],
      IfSteps: [lambda("Register")],
      ElseSteps: [{ Name: "TooBad", Type: "Fail", Arguments: { ErrorMessage: "mse too high" } }],
    },
  };
  return definition([evaluate, gate]);
}

describe("property files", () => {
  it("hold every path the definition reads, with plausible values, and the condition follows them", async () => {
    await createPipeline(emu.client(), "t-pf-paths", pipeline());
    const arn = await start(emu.client(), "t-pf-paths");
    expect(await waitFor(emu.client(), arn)).toBe("Succeeded");
    const s = await steps(emu.client(), arn);
    expect(s.get("Gate")?.Metadata?.Condition?.Outcome).toBe("True");
    expect(s.has("Register")).toBe(true);
  });

  it("take a pinned value from EMULATOR_PROPERTY_VALUES in the step's Environment (forcing the other branch)", async () => {
    const pinned = JSON.stringify({ "regression_metrics.mse.value": 42 });
    await createPipeline(emu.client(), "t-pf-pinned", pipeline({ EMULATOR_PROPERTY_VALUES: pinned }));
    const arn = await start(emu.client(), "t-pf-pinned");
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const s = await steps(emu.client(), arn);
    expect(s.get("Gate")?.Metadata?.Condition?.Outcome).toBe("False");
    expect(s.get("TooBad")?.FailureReason).toContain("mse too high");
  });
});
