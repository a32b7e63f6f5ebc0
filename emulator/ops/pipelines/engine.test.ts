/** The execution engine through the SDK: a realistic pipeline, conditions, expressions, failures, caching, parallelism. */
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
import {
  createPipeline,
  definition,
  processing,
  ROLE,
  start,
  steps,
  token,
  training,
  waitFor,
} from "./test-helpers";

const emu = emulatorFixture();

const lambda = (name: string, extra: Record<string, unknown> = {}) => ({
  Name: name,
  Type: "Lambda",
  FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:noop",
  Arguments: {},
  ...extra,
});

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

describe("parallelism, caching and retry policies", () => {
  const overlap = (intervals: [number, number][]) =>
    Math.max(...intervals.map(([s]) => intervals.filter(([a, b]) => a <= s && s < b).length));

  it("runs independent steps in parallel up to MaxParallelExecutionSteps", async () => {
    const def = definition(Array.from({ length: 6 }, (_, i) => processing(`P${i}`)));
    await createPipeline(emu.client(), "t-eng-parallel", def, {
      ParallelismConfiguration: { MaxParallelExecutionSteps: 2 },
    });
    const limited = await start(emu.client(), "t-eng-parallel");
    const free = await start(
      emu.client(),
      "t-eng-parallel",
      {},
      { ParallelismConfiguration: { MaxParallelExecutionSteps: 10 } },
    );
    expect(await waitFor(emu.client(), limited)).toBe("Succeeded");
    expect(await waitFor(emu.client(), free)).toBe("Succeeded");
    const iv = async (arn: string) =>
      [...(await steps(emu.client(), arn)).values()].map(
        (s) => [s.StartTime!.getTime(), s.EndTime!.getTime()] as [number, number],
      );
    expect(overlap(await iv(limited))).toBe(2);
    expect(overlap(await iv(free))).toBe(6);
    const d = await emu
      .client()
      .send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: limited }));
    expect(d.ParallelismConfiguration?.MaxParallelExecutionSteps).toBe(2);
  });

  it("reuses a cached step from an earlier execution", async () => {
    const def = definition([
      processing("Cached", { CacheConfig: { Enabled: true, ExpireAfter: "P30D" } }),
      training("Fit", { max_depth: "5" }, { DependsOn: ["Cached"] }),
    ]);
    await createPipeline(emu.client(), "t-eng-cache", def);
    const first = await start(emu.client(), "t-eng-cache");
    expect(await waitFor(emu.client(), first)).toBe("Succeeded");
    const second = await start(emu.client(), "t-eng-cache");
    expect(await waitFor(emu.client(), second)).toBe("Succeeded");
    const a = await steps(emu.client(), first);
    const b = await steps(emu.client(), second);
    expect(a.get("Cached")?.CacheHitResult).toBeUndefined();
    expect(b.get("Cached")?.CacheHitResult?.SourcePipelineExecutionArn).toBe(first);
    expect(b.get("Cached")?.Metadata?.ProcessingJob?.Arn).toBe(a.get("Cached")?.Metadata?.ProcessingJob?.Arn);
    expect(b.get("Fit")?.CacheHitResult).toBeUndefined();
    expect(b.get("Fit")?.Metadata?.TrainingJob?.Arn).not.toBe(a.get("Fit")?.Metadata?.TrainingJob?.Arn);
  });

  it("retries a failing step by its RetryPolicies and counts attempts", async () => {
    const def = definition([
      processing(
        "Flaky",
        {
          RetryPolicies: [
            {
              ExceptionType: ["SageMaker.JOB_INTERNAL_ERROR"],
              IntervalSeconds: 1,
              BackoffRate: 1.5,
              MaxAttempts: 3,
            },
          ],
        },
        { Environment: { EMULATOR_FAIL_ATTEMPTS: "2" } },
      ),
      processing(
        "Hopeless",
        {
          RetryPolicies: [{ ExceptionType: ["Step.THROTTLING"], IntervalSeconds: 1, MaxAttempts: 3 }],
        },
        { Environment: { EMULATOR_FAIL_ATTEMPTS: "5" } },
      ),
    ]);
    await createPipeline(emu.client(), "t-eng-retrypolicy", def);
    const arn = await start(emu.client(), "t-eng-retrypolicy");
    expect(await waitFor(emu.client(), arn)).toBe("Failed");
    const s = await steps(emu.client(), arn);
    expect(s.get("Flaky")?.StepStatus).toBe("Succeeded");
    expect(s.get("Flaky")?.AttemptCount).toBe(3);
    expect(s.get("Hopeless")?.StepStatus).toBe("Failed");
    expect(s.get("Hopeless")?.AttemptCount).toBe(1);
    expect(s.get("Hopeless")?.FailureReason).toBe(
      "InternalServerError: We encountered an internal error. Please try again.",
    );
  });
});

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
