/** Search finds a training job's trial component by source, parents and hyperparameters. */
import { CreateTrainingJobCommand, ListTrialComponentsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { inExp, searcher, seedSearchRuns } from "../../testing/search";

const emu = emulatorFixture({ setup: seedSearchRuns });
const searchAll = searcher(emu);

describe("Search over job trial components", () => {
  it("finds a training job's trial component by source, with its parents and hyperparameters", async () => {
    const job = await emu.client().send(
      new CreateTrainingJobCommand({
        TrainingJobName: "sx-train-1",
        AlgorithmSpecification: {
          TrainingInputMode: "File",
          TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1",
        },
        RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
        InputDataConfig: [
          {
            ChannelName: "train",
            DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://b/train" } },
          },
        ],
        OutputDataConfig: { S3OutputPath: "s3://b/out" },
        ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        HyperParameters: { max_depth: "5", eta: "0.2" },
        ExperimentConfig: { ExperimentName: "sx-exp", TrialName: "sx-trial-b" },
      }),
    );
    const bySource = {
      SearchExpression: {
        Filters: [{ Name: "Source.SourceArn", Operator: "Equals" as const, Value: job.TrainingJobArn! }],
      },
    };
    // a standalone job stays InProgress (the pipeline engine is what completes jobs)
    const found = await searchAll(bySource);
    expect(found).toHaveLength(1);
    const tc = found[0]!;
    expect(tc.TrialComponentName).toBe("sx-train-1-aws-training-job");
    expect(tc.Source?.SourceType).toBe("SageMakerTrainingJob");
    expect(tc.SourceDetail?.SourceArn).toBe(job.TrainingJobArn);
    expect(tc.Parents).toEqual([{ TrialName: "sx-trial-b", ExperimentName: "sx-exp" }]);
    expect(tc.Parameters?.max_depth).toEqual({ NumberValue: 5 });
    expect(tc.Status?.PrimaryStatus).toBe("InProgress");
    const byParam = await searchAll({
      SearchExpression: {
        Filters: [inExp("sx-exp"), { Name: "Parameters.max_depth", Operator: "Equals", Value: "5" }],
      },
    });
    expect(byParam.map((t) => t.TrialComponentName)).toEqual(["sx-train-1-aws-training-job"]);
    const listed = await emu.client().send(new ListTrialComponentsCommand({ SourceArn: job.TrainingJobArn }));
    expect(listed.TrialComponentSummaries!.map((s) => s.TrialComponentName)).toEqual([
      "sx-train-1-aws-training-job",
    ]);
  }, 30_000);
});
