/** The execution engine: the Metadata every step type reports. */
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { createPipeline, definition, start, steps, waitFor } from "./test-helpers";
import { lambda } from "../../testing/pipeline-steps";

const emu = emulatorFixture();

describe("step types", () => {
  it("reports the Metadata of every step type", async () => {
    const def = definition([
      {
        Name: "Tune",
        Type: "Tuning",
        Arguments: { HyperParameterTuningJobConfig: { Strategy: "Bayesian" } },
      },
      {
        Name: "Batch",
        Type: "Transform",
        Arguments: { ModelName: "m", TransformOutput: { S3OutputPath: "s3://test-bucket/batch" } },
      },
      {
        Name: "DataQuality",
        Type: "QualityCheck",
        CheckType: "DATA_QUALITY",
        ModelPackageGroupName: "g",
        SkipCheck: false,
        RegisterNewBaseline: true,
        Arguments: {},
      },
      { Name: "Bias", Type: "ClarifyCheck", CheckType: "DATA_BIAS", Arguments: {} },
      {
        Name: "Spark",
        Type: "EMR",
        Arguments: {
          ClusterId: "j-ABCDEF123",
          StepConfig: { Name: "spark-job", HadoopJarStep: { Jar: "command-runner.jar" } },
        },
      },
      lambda("Notify", { OutputParameters: [{ OutputName: "ok", OutputType: "Boolean" }] }),
      {
        Name: "UseOutputs",
        Type: "Fail",
        Arguments: {
          ErrorMessage: {
            "Std:Join": {
              On: ",",
              Values: [
                { Get: "Steps.Tune.BestTrainingJob.TrainingJobName" },
                { Get: "Steps.Batch.TransformOutput.S3OutputPath" },
                { Get: "Steps.Notify.OutputParameters['ok']" },
              ],
            },
          },
        },
        DependsOn: ["DataQuality", "Bias", "Spark"],
      },
    ]);
    await createPipeline(emu.client(), "t-eng-types", def);
    const arn = await start(emu.client(), "t-eng-types");
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const s = await steps(emu.client(), arn);
    expect(s.get("Tune")?.Metadata?.TuningJob?.Arn).toMatch(/:hyper-parameter-tuning-job\//);
    expect(s.get("Batch")?.Metadata?.TransformJob?.Arn).toMatch(/:transform-job\//);
    const q = s.get("DataQuality")?.Metadata?.QualityCheck;
    expect(q?.CheckType).toBe("DATA_QUALITY");
    expect(q?.ModelPackageGroupName).toBe("g");
    expect(q?.RegisterNewBaseline).toBe(true);
    expect(q?.CalculatedBaselineStatistics).toMatch(/^s3:\/\//);
    const b = s.get("Bias")?.Metadata?.ClarifyCheck;
    expect(b?.CheckType).toBe("DATA_BIAS");
    expect(b?.CheckJobArn).toMatch(/:processing-job\//);
    expect(s.get("Spark")?.Metadata?.EMR).toMatchObject({ ClusterId: "j-ABCDEF123", StepName: "spark-job" });
    expect(s.get("Notify")?.Metadata?.Lambda).toEqual({
      Arn: "arn:aws:lambda:us-east-1:123456789012:function:noop",
      OutputParameters: [{ Name: "ok", Value: "true" }],
    });
    const message = s.get("UseOutputs")?.Metadata?.Fail?.ErrorMessage ?? "";
    expect(message).toMatch(/^pipelines-[a-z0-9-]+,s3:\/\/test-bucket\/batch,true$/);
    for (const name of ["Tune", "Batch", "DataQuality", "Bias", "Spark", "Notify"])
      expect(s.get(name)?.StepStatus, name).toBe("Succeeded");
  });
});
