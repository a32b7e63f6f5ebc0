/** AddTags / ListTags / DeleteTags on every taggable resource this area creates. */
import {
  AddTagsCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  CreateMonitoringScheduleCommand,
  CreateProcessingJobCommand,
  CreateProjectCommand,
  CreateTrainingJobCommand,
  DeleteTagsCommand,
  ListTagsCommand,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { expectError } from "../registry/test-helpers";

const emu = emulatorFixture();
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1";
const created: Record<string, string> = {};
const initial = [{ Key: "team", Value: "t-tags" }];

beforeAll(async () => {
  created.group =
    (
      await emu
        .client()
        .send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "t-tags-group", Tags: initial }))
    ).ModelPackageGroupArn ?? "";
  created.package =
    (
      await emu.client().send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: "t-tags-group",
          InferenceSpecification: { Containers: [{ Image: IMAGE }] },
          Tags: initial,
        }),
      )
    ).ModelPackageArn ?? "";
  created.model =
    (
      await emu.client().send(
        new CreateModelCommand({
          ModelName: "t-tags-model",
          PrimaryContainer: { Image: IMAGE },
          Tags: initial,
        }),
      )
    ).ModelArn ?? "";
  created.config =
    (
      await emu.client().send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: "t-tags-config",
          ProductionVariants: [
            {
              VariantName: "v",
              ModelName: "t-tags-model",
              InitialInstanceCount: 1,
              InstanceType: "ml.m5.large",
            },
          ],
          Tags: initial,
        }),
      )
    ).EndpointConfigArn ?? "";
  created.endpoint =
    (
      await emu.client().send(
        new CreateEndpointCommand({
          EndpointName: "t-tags-endpoint",
          EndpointConfigName: "t-tags-config",
          Tags: initial,
        }),
      )
    ).EndpointArn ?? "";
  created.project =
    (
      await emu.client().send(
        new CreateProjectCommand({
          ProjectName: "t-tags-project",
          ServiceCatalogProvisioningDetails: { ProductId: "prod-x" },
          Tags: initial,
        }),
      )
    ).ProjectArn ?? "";
  created.training =
    (
      await emu.client().send(
        new CreateTrainingJobCommand({
          TrainingJobName: "t-tags-training",
          AlgorithmSpecification: { TrainingInputMode: "File", TrainingImage: IMAGE },
          RoleArn: ROLE,
          OutputDataConfig: { S3OutputPath: "s3://b/out" },
          ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
          StoppingCondition: { MaxRuntimeInSeconds: 60 },
          Tags: initial,
        }),
      )
    ).TrainingJobArn ?? "";
  created.processing =
    (
      await emu.client().send(
        new CreateProcessingJobCommand({
          ProcessingJobName: "t-tags-processing",
          RoleArn: ROLE,
          AppSpecification: { ImageUri: IMAGE },
          ProcessingResources: {
            ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 10 },
          },
          Tags: initial,
        }),
      )
    ).ProcessingJobArn ?? "";
  created.schedule =
    (
      await emu.client().send(
        new CreateMonitoringScheduleCommand({
          MonitoringScheduleName: "t-tags-schedule",
          MonitoringScheduleConfig: {
            ScheduleConfig: { ScheduleExpression: "cron(0 * ? * * *)" },
            MonitoringJobDefinitionName: "t-tags-def",
          },
          Tags: initial,
        }),
      )
    ).MonitoringScheduleArn ?? "";
}, 120_000);

describe("tags", () => {
  it("adds, overwrites, lists and deletes tags on every taggable resource", async () => {
    expect(Object.keys(created)).toHaveLength(9);
    for (const [kind, arn] of Object.entries(created)) {
      expect(arn, kind).toMatch(/^arn:aws:sagemaker:us-east-1:123456789012:/);
      expect((await emu.client().send(new ListTagsCommand({ ResourceArn: arn }))).Tags, kind).toEqual(
        initial,
      );
      const added = await emu.client().send(
        new AddTagsCommand({
          ResourceArn: arn,
          Tags: [
            { Key: "team", Value: "other" },
            { Key: "stage", Value: "dev" },
          ],
        }),
      );
      expect(added.Tags).toHaveLength(2);
      const listed = await emu.client().send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 50 }));
      expect(listed.Tags, kind).toEqual([
        { Key: "team", Value: "other" },
        { Key: "stage", Value: "dev" },
      ]);
      await emu.client().send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ["team"] }));
      expect((await emu.client().send(new ListTagsCommand({ ResourceArn: arn }))).Tags, kind).toEqual([
        { Key: "stage", Value: "dev" },
      ]);
    }
  });

  it("reads the tags the seed put on demo resources", async () => {
    const r = await emu.client().send(
      new ListTagsCommand({
        ResourceArn:
          "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/recsys-ranking-p-r3cgx8f2k1ab",
      }),
    );
    expect(r.Tags).toEqual(
      expect.arrayContaining([
        { Key: "team", Value: "personalization" },
        { Key: "sagemaker:project-name", Value: "recsys-ranking" },
        { Key: "sagemaker:project-id", Value: "p-r3cgx8f2k1ab" },
      ]),
    );
    const ep = await emu.client().send(
      new ListTagsCommand({
        ResourceArn: "arn:aws:sagemaker:us-east-1:123456789012:endpoint/fraud-detection-prod",
      }),
    );
    expect(ep.Tags).toEqual(expect.arrayContaining([{ Key: "sagemaker:deployment-stage", Value: "prod" }]));
  });

  it("refuses unknown ARNs, bad ARNs, MaxResults below 50 and empty TagKeys", async () => {
    const ghost = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/t-tags-ghost";
    await expectError(
      emu.client().send(new ListTagsCommand({ ResourceArn: ghost })),
      "ValidationException",
      ghost,
    );
    await expectError(
      emu.client().send(new AddTagsCommand({ ResourceArn: ghost, Tags: [{ Key: "a", Value: "b" }] })),
      "ValidationException",
      ghost,
    );
    await expectError(
      emu.client().send(new ListTagsCommand({ ResourceArn: "not-an-arn" })),
      "ValidationException",
      "resourceArn",
    );
    await expectError(
      emu.client().send(new ListTagsCommand({ ResourceArn: created.model, MaxResults: 49 })),
      "ValidationException",
      "Member must have value greater than or equal to 50",
    );
    await expectError(
      emu.client().send(new DeleteTagsCommand({ ResourceArn: created.model, TagKeys: [] })),
      "ValidationException",
      "tagKeys",
    );
  });

  it("pages through 50 tags", async () => {
    const tags = Array.from({ length: 50 }, (_, i) => ({
      Key: `k${String(i).padStart(2, "0")}`,
      Value: `v${i}`,
    }));
    await emu.client().send(new DeleteTagsCommand({ ResourceArn: created.config, TagKeys: ["stage"] }));
    await emu.client().send(new AddTagsCommand({ ResourceArn: created.config, Tags: tags }));
    const r = await emu.client().send(new ListTagsCommand({ ResourceArn: created.config, MaxResults: 50 }));
    expect(r.Tags).toHaveLength(50);
    expect(r.NextToken).toBeUndefined();
    await expectError(
      emu
        .client()
        .send(
          new AddTagsCommand({ ResourceArn: created.config, Tags: [{ Key: "one-too-many", Value: "x" }] }),
        ),
      "ValidationException",
      "50",
    );
  });
});
