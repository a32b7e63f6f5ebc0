/** Training and processing jobs: create, describe, list, stop, and the trial components they create. */
import {
  CreateExperimentCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTrialCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTrialComponentCommand,
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTrialComponentsCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  type CreateTrainingJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError, waitFor } from "../registry/test-helpers";

const emu = emulatorFixture();
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";

const training = (
  name: string,
  extra: Partial<CreateTrainingJobCommandInput> = {},
): CreateTrainingJobCommandInput => ({
  TrainingJobName: name,
  AlgorithmSpecification: {
    TrainingInputMode: "File",
    TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1",
  },
  RoleArn: ROLE,
  InputDataConfig: [
    { ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://b/train" } } },
  ],
  OutputDataConfig: { S3OutputPath: "s3://b/out" },
  ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  HyperParameters: { max_depth: "5", eta: "0.2", objective: "binary:logistic" },
  ...extra,
});

beforeAll(async () => {
  await emu.client().send(new CreateExperimentCommand({ ExperimentName: "t-jobs-exp" }));
  await emu
    .client()
    .send(new CreateTrialCommand({ TrialName: "t-jobs-trial", ExperimentName: "t-jobs-exp" }));
}, 120_000);

describe("training jobs", () => {
  it("creates an InProgress job and its trial component, associated to the trial", async () => {
    const r = await emu.client().send(
      new CreateTrainingJobCommand(
        training("t-jobs-train-1", {
          ExperimentConfig: { ExperimentName: "t-jobs-exp", TrialName: "t-jobs-trial" },
        }),
      ),
    );
    expect(r.TrainingJobArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:training-job/t-jobs-train-1");
    const d = await emu.client().send(new DescribeTrainingJobCommand({ TrainingJobName: "t-jobs-train-1" }));
    expect(d.TrainingJobStatus).toBe("InProgress");
    expect(d.SecondaryStatus).toBe("Starting");
    expect(d.HyperParameters?.max_depth).toBe("5");
    expect(d.ExperimentConfig?.TrialName).toBe("t-jobs-trial");
    const tc = await emu
      .client()
      .send(new DescribeTrialComponentCommand({ TrialComponentName: "t-jobs-train-1-aws-training-job" }));
    expect(tc.Source?.SourceArn).toBe(r.TrainingJobArn);
    expect(tc.Source?.SourceType).toBe("SageMakerTrainingJob");
    expect(tc.Status?.PrimaryStatus).toBe("InProgress");
    expect(tc.Parameters?.max_depth?.NumberValue).toBe(5);
    expect(tc.Parameters?.objective?.StringValue).toBe("binary:logistic");
    expect(tc.InputArtifacts?.train?.Value).toBe("s3://b/train");
    const inTrial = await emu.client().send(new ListTrialComponentsCommand({ TrialName: "t-jobs-trial" }));
    expect(inTrial.TrialComponentSummaries?.map((t) => t.TrialComponentName)).toContain(
      "t-jobs-train-1-aws-training-job",
    );
  });

  it("stops a job: Stopping, then Stopped, and its trial component too", async () => {
    await emu.client().send(new CreateTrainingJobCommand(training("t-jobs-train-2")));
    await emu.client().send(new StopTrainingJobCommand({ TrainingJobName: "t-jobs-train-2" }));
    const stopping = await emu
      .client()
      .send(new DescribeTrainingJobCommand({ TrainingJobName: "t-jobs-train-2" }));
    expect(stopping.TrainingJobStatus).toBe("Stopping");
    await waitFor(
      async () =>
        (await emu.client().send(new DescribeTrainingJobCommand({ TrainingJobName: "t-jobs-train-2" })))
          .TrainingJobStatus === "Stopped",
    );
    const d = await emu.client().send(new DescribeTrainingJobCommand({ TrainingJobName: "t-jobs-train-2" }));
    expect(d.TrainingEndTime).toBeInstanceOf(Date);
    expect(d.ModelArtifacts?.S3ModelArtifacts).toBe("s3://b/out/t-jobs-train-2/output/model.tar.gz");
    const tc = await emu
      .client()
      .send(new DescribeTrialComponentCommand({ TrialComponentName: "t-jobs-train-2-aws-training-job" }));
    expect(tc.Status?.PrimaryStatus).toBe("Stopped");
    await expectError(
      emu.client().send(new StopTrainingJobCommand({ TrainingJobName: "t-jobs-train-2" })),
      "ValidationException",
      "Stopped",
    );
  });

  it("validates required members and refuses duplicates; a missing job is ResourceNotFound", async () => {
    await expectError(
      emu.client().send(new CreateTrainingJobCommand({ ...training("t-jobs-bad"), RoleArn: undefined })),
      "ValidationException",
      "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    );
    await expectError(
      emu.client().send(
        new CreateTrainingJobCommand({
          ...training("t-jobs-bad"),
          ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1 } as never,
        }),
      ),
      "ValidationException",
      "resourceConfig.volumeSizeInGB",
    );
    await expectError(
      emu.client().send(
        new CreateTrainingJobCommand({
          ...training("t-jobs-bad"),
          AlgorithmSpecification: { TrainingInputMode: "File" },
        }),
      ),
      "ValidationException",
      "TrainingImage or AlgorithmName",
    );
    await expectError(
      emu.client().send(new CreateTrainingJobCommand(training("t-jobs-train-1"))),
      "ResourceInUse",
    );
    await expectError(
      emu.client().send(new DescribeTrainingJobCommand({ TrainingJobName: "t-jobs-none" })),
      "ResourceNotFound",
    );
  });

  it("lists jobs across pages, with status filter and name sort", async () => {
    for (let i = 3; i <= 6; i++)
      await emu.client().send(new CreateTrainingJobCommand(training(`t-jobs-train-${i}`)));
    const all = await allPages(async (t) => {
      const r = await emu.client().send(
        new ListTrainingJobsCommand({
          MaxResults: 2,
          NextToken: t,
          NameContains: "t-jobs-train",
          SortBy: "Name",
          SortOrder: "Descending",
        }),
      );
      return { items: r.TrainingJobSummaries, next: r.NextToken };
    });
    const names = all.map((j) => j.TrainingJobName ?? "");
    expect(names).toEqual([6, 5, 4, 3, 2, 1].map((i) => `t-jobs-train-${i}`));
    const stopped = await emu
      .client()
      .send(new ListTrainingJobsCommand({ StatusEquals: "Stopped", NameContains: "t-jobs" }));
    expect(stopped.TrainingJobSummaries?.map((j) => j.TrainingJobName)).toEqual(["t-jobs-train-2"]);
  });
});

describe("processing jobs", () => {
  const processing = (name: string) =>
    new CreateProcessingJobCommand({
      ProcessingJobName: name,
      RoleArn: ROLE,
      AppSpecification: { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/sklearn:1" },
      ProcessingResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 30 },
      },
      ProcessingInputs: [
        {
          InputName: "raw",
          S3Input: {
            S3Uri: "s3://b/raw",
            LocalPath: "/opt/ml/processing/input",
            S3DataType: "S3Prefix",
            S3InputMode: "File",
          },
        },
      ],
    });

  it("creates, describes, stops and lists processing jobs with their trial components", async () => {
    const r = await emu.client().send(processing("t-jobs-proc-1"));
    expect(r.ProcessingJobArn).toMatch(/processing-job\/t-jobs-proc-1$/);
    expect(
      (await emu.client().send(new DescribeProcessingJobCommand({ ProcessingJobName: "t-jobs-proc-1" })))
        .ProcessingJobStatus,
    ).toBe("InProgress");
    const tc = await emu
      .client()
      .send(new DescribeTrialComponentCommand({ TrialComponentName: "t-jobs-proc-1-aws-processing-job" }));
    expect(tc.Source?.SourceType).toBe("SageMakerProcessingJob");
    expect(tc.InputArtifacts?.raw?.Value).toBe("s3://b/raw");
    await emu.client().send(new StopProcessingJobCommand({ ProcessingJobName: "t-jobs-proc-1" }));
    await waitFor(
      async () =>
        (await emu.client().send(new DescribeProcessingJobCommand({ ProcessingJobName: "t-jobs-proc-1" })))
          .ProcessingJobStatus === "Stopped",
    );
    await emu.client().send(processing("t-jobs-proc-2"));
    await emu.client().send(processing("t-jobs-proc-3"));
    const all = await allPages(async (t) => {
      const r2 = await emu
        .client()
        .send(new ListProcessingJobsCommand({ MaxResults: 1, NextToken: t, NameContains: "t-jobs-proc" }));
      return { items: r2.ProcessingJobSummaries, next: r2.NextToken };
    });
    expect(all.map((j) => j.ProcessingJobName)).toEqual(["t-jobs-proc-1", "t-jobs-proc-2", "t-jobs-proc-3"]);
    await expectError(
      emu.client().send(new DescribeProcessingJobCommand({ ProcessingJobName: "t-jobs-none" })),
      "ResourceNotFound",
    );
    await expectError(emu.client().send(processing("t-jobs-proc-2")), "ResourceInUse");
  });
});
