/** The execution engine through the SDK: a realistic training pipeline, from preprocessing to a registered model. */
import {
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  DescribePipelineDefinitionForExecutionCommand,
  DescribePipelineExecutionCommand,
  ListPipelineParametersForExecutionCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { errorOf } from "../../testing/errors";
import { trainingPipeline } from "./engine/template";
import { createPipeline, ROLE, start, steps, token, waitFor } from "./test-helpers";

const emu = emulatorFixture();

describe("a realistic training pipeline", () => {
  const name = "t-eng-realistic";
  const group = "t-eng-realistic-group";

  beforeAll(async () => {
    await emu.client().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }));
    const def = trainingPipeline({
      pipeline: name,
      modelPackageGroup: group,
      metric: "auc",
      threshold: 0.6,
      bucket: "t-eng-bucket",
      roleArn: ROLE,
      inputDataUrl: "s3://t-eng-bucket/data/",
      createModel: true,
    });
    await createPipeline(emu.client(), name, JSON.stringify(def));
  });

  it("runs from preprocessing to a registered model version", async () => {
    const arn = await start(emu.client(), name, { MaxDepth: "5", Eta: "0.25" });
    expect(arn).toMatch(
      /^arn:aws:sagemaker:us-east-1:123456789012:pipeline\/t-eng-realistic\/execution\/[a-z0-9]{12}$/,
    );
    expect(await waitFor(emu.client(), arn)).toBe("Succeeded");
    const s = await steps(emu.client(), arn);
    expect([...s.keys()].sort()).toEqual([
      "CheckMetric",
      "CreateModel",
      "Evaluate",
      "Preprocess",
      "RegisterModel",
      "Train",
    ]);
    for (const st of s.values()) {
      expect(st.StepStatus).toBe("Succeeded");
      expect(st.AttemptCount).toBe(1);
      expect(st.StartTime!.getTime()).toBeLessThanOrEqual(st.EndTime!.getTime());
    }
    expect(s.get("Preprocess")?.Metadata?.ProcessingJob?.Arn).toMatch(
      /:processing-job\/pipelines-[a-z0-9]{12}-preprocess-/,
    );
    expect(s.get("Train")?.Metadata?.TrainingJob?.Arn).toMatch(
      /:training-job\/pipelines-[a-z0-9]{12}-train-/,
    );
    expect(s.get("CheckMetric")?.Metadata?.Condition?.Outcome).toBe("True");
    expect(s.get("CreateModel")?.Metadata?.Model?.Arn).toMatch(/:model\//);
    // dependency order
    expect(s.get("Train")!.StartTime!.getTime()).toBeGreaterThanOrEqual(
      s.get("Preprocess")!.EndTime!.getTime(),
    );
    expect(s.get("Evaluate")!.StartTime!.getTime()).toBeGreaterThanOrEqual(
      s.get("Train")!.EndTime!.getTime(),
    );
    const pkgArn = s.get("RegisterModel")?.Metadata?.RegisterModel?.Arn ?? "";
    expect(pkgArn).toMatch(/:model-package\/t-eng-realistic-group\/\d+$/);
    const pkg = await emu.client().send(new DescribeModelPackageCommand({ ModelPackageName: pkgArn }));
    expect(pkg.ModelApprovalStatus).toBe("PendingManualApproval");
    expect(pkg.MetadataProperties?.GeneratedBy).toBe(arn);
    const auc = Number(pkg.CustomerMetadataProperties?.["metric:auc"]);
    expect(auc).toBeGreaterThan(0.6);
    expect(auc).toBeLessThan(1);
    expect(pkg.ModelMetrics?.ModelQuality?.Statistics?.S3Uri).toMatch(
      /^s3:\/\/t-eng-bucket\/t-eng-realistic\/[a-z0-9]{12}\/evaluation\/evaluation\.json$/,
    );
    const params = await emu
      .client()
      .send(new ListPipelineParametersForExecutionCommand({ PipelineExecutionArn: arn }));
    const byName: Record<string, string | undefined> = Object.fromEntries(
      (params.PipelineParameters ?? []).map((p): [string, string | undefined] => [p.Name ?? "", p.Value]),
    );
    expect(byName).toMatchObject({ MaxDepth: "5", Eta: "0.25", NumRound: "100", MetricThreshold: "0.6" });
    const d = await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(d.PipelineExperimentConfig).toEqual({ ExperimentName: name, TrialName: arn.split("/").pop() });
    expect(d.PipelineVersionId).toBe(1);
    const defn = await emu
      .client()
      .send(new DescribePipelineDefinitionForExecutionCommand({ PipelineExecutionArn: arn }));
    expect(JSON.parse(defn.PipelineDefinition ?? "{}")).toHaveProperty("Steps");
  });

  it("takes the else branch when the gate fails, without running the if branch", async () => {
    const arn = await start(emu.client(), name, { MetricThreshold: "0.999" });
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const s = await steps(emu.client(), arn);
    expect(s.get("CheckMetric")?.Metadata?.Condition?.Outcome).toBe("False");
    expect(s.has("RegisterModel")).toBe(false);
    expect(s.has("CreateModel")).toBe(false);
    const fail = s.get("GateFailed");
    expect(fail?.StepStatus).toBe("Failed");
    expect(fail?.Metadata?.Fail?.ErrorMessage).toMatch(/^Model auc 0\.\d+ is below the threshold 0\.999$/);
    const d = await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(d.FailureReason).toBe(fail?.Metadata?.Fail?.ErrorMessage);
  });

  it("fails training on invalid hyperparameters with a ClientError", async () => {
    const arn = await start(emu.client(), name, { MaxDepth: "25" });
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const s = await steps(emu.client(), arn);
    expect(s.get("Train")?.StepStatus).toBe("Failed");
    expect(s.get("Train")?.FailureReason).toBe(
      "ClientError: Hyperparameter 'max_depth': value 25 is out of range; expected a value in [0, 20].",
    );
    expect(s.has("Evaluate")).toBe(false);
    const d = await emu.client().send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect(d.FailureReason).toBe("Step failure: One or multiple steps failed.");
  });

  it("gives the same metrics for the same data and hyperparameters, and they respond to them", async () => {
    const metric = async (md: string, eta: string) => {
      const arn = await start(emu.client(), name, { MaxDepth: md, Eta: eta, MetricThreshold: "0" });
      expect(await waitFor(emu.client(), arn)).toBe("Succeeded");
      const pkgArn = (await steps(emu.client(), arn)).get("RegisterModel")?.Metadata?.RegisterModel?.Arn;
      const pkg = await emu.client().send(new DescribeModelPackageCommand({ ModelPackageName: pkgArn }));
      return Number(pkg.CustomerMetadataProperties?.["metric:auc"]);
    };
    const good = await metric("6", "0.2");
    const again = await metric("6", "0.2");
    const extreme = await metric("20", "0.95");
    expect(Math.abs(good - again)).toBeLessThan(0.011);
    expect(extreme).toBeLessThan(good - 0.1);
  });

  it("checks parameter overrides", async () => {
    const unknown = await errorOf(start(emu.client(), name, { Nope: "1" }));
    expect(unknown).toEqual({
      name: "ValidationException",
      message: "Parameter 'Nope' is not defined in the pipeline definition.",
    });
    const wrong = await errorOf(start(emu.client(), name, { MaxDepth: "deep" }));
    expect(wrong).toEqual({
      name: "ValidationException",
      message: "Value 'deep' for parameter 'MaxDepth' is not a valid Integer.",
    });
    const float = await errorOf(start(emu.client(), name, { Eta: "fast" }));
    expect(float.message).toBe("Value 'fast' for parameter 'Eta' is not a valid Float.");
    const en = await errorOf(start(emu.client(), name, { ModelApprovalStatus: "Maybe" }));
    expect(en.message).toBe(
      "Value 'Maybe' for parameter 'ModelApprovalStatus' is not one of the allowed values [PendingManualApproval, Approved].",
    );
    const display = await errorOf(
      start(emu.client(), name, {}, { PipelineExecutionDisplayName: "x".repeat(83) }),
    );
    expect(display.name).toBe("ValidationException");
    expect(display.message).toContain("at 'pipelineExecutionDisplayName'");
  });

  it("is idempotent on ClientRequestToken", async () => {
    const t = token();
    const input = {
      PipelineName: name,
      ClientRequestToken: t,
      PipelineParameters: [{ Name: "MaxDepth", Value: "4" }],
    };
    const a = await emu.client().send(new StartPipelineExecutionCommand(input));
    const b = await emu.client().send(new StartPipelineExecutionCommand(input));
    expect(b.PipelineExecutionArn).toBe(a.PipelineExecutionArn);
    const other = await errorOf(
      emu.client().send(
        new StartPipelineExecutionCommand({
          ...input,
          PipelineParameters: [{ Name: "MaxDepth", Value: "5" }],
        }),
      ),
    );
    expect(other.name).toBe("ConflictException");
    await waitFor(emu.client(), a.PipelineExecutionArn ?? "");
  });
});
