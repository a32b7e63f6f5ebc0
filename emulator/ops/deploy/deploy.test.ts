/** Deploy conformance: models, endpoint configs, endpoints with simulated rollouts (EMULATOR_SPEED=100). */
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  UpdateEndpointCommand,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError, waitFor } from "../registry/test-helpers";

const emu = emulatorFixture();
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:2";
const A = "arn:aws:sagemaker:us-east-1:123456789012";
let packageArn = "";

const variant = (model: string) => ({
  VariantName: "AllTraffic",
  ModelName: model,
  InitialInstanceCount: 1,
  InstanceType: "ml.m5.large" as const,
});
const status = async (name: string) =>
  (await emu.client().send(new DescribeEndpointCommand({ EndpointName: name }))).EndpointStatus;

beforeAll(async () => {
  await emu.client().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "t-dep-group" }));
  packageArn =
    (
      await emu.client().send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: "t-dep-group",
          ModelApprovalStatus: "Approved",
          InferenceSpecification: {
            Containers: [{ Image: IMAGE }],
            SupportedContentTypes: ["text/csv"],
            SupportedResponseMIMETypes: ["text/csv"],
          },
        }),
      )
    ).ModelPackageArn ?? "";
  await emu.client().send(
    new CreateModelCommand({
      ModelName: "t-dep-model-a",
      PrimaryContainer: { ModelPackageName: packageArn },
    }),
  );
  await emu
    .client()
    .send(new CreateModelCommand({ ModelName: "t-dep-model-b", PrimaryContainer: { Image: IMAGE } }));
  await emu.client().send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "t-dep-cfg-a",
      ProductionVariants: [variant("t-dep-model-a")],
    }),
  );
  await emu.client().send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "t-dep-cfg-b",
      ProductionVariants: [variant("t-dep-model-b")],
    }),
  );
}, 120_000);

describe("models", () => {
  it("creates and describes a model deploying a registered version", async () => {
    const d = await emu.client().send(new DescribeModelCommand({ ModelName: "t-dep-model-a" }));
    expect(d.ModelArn).toBe(`${A}:model/t-dep-model-a`);
    expect(d.PrimaryContainer?.ModelPackageName).toBe(packageArn);
    expect(d.CreationTime).toBeInstanceOf(Date);
  });

  it("validates names, containers and package references, and refuses duplicates", async () => {
    await expectError(
      emu
        .client()
        .send(new CreateModelCommand({ ModelName: "bad_name", PrimaryContainer: { Image: IMAGE } })),
      "ValidationException",
      "Value 'bad_name' at 'modelName' failed to satisfy constraint",
    );
    await expectError(
      emu.client().send(new CreateModelCommand({ ModelName: "t-dep-x" })),
      "ValidationException",
    );
    await expectError(
      emu.client().send(
        new CreateModelCommand({
          ModelName: "t-dep-x",
          PrimaryContainer: { ModelPackageName: `${A}:model-package/nope/1` },
        }),
      ),
      "ValidationException",
      "Could not find model package",
    );
    await expectError(
      emu
        .client()
        .send(new CreateModelCommand({ ModelName: "t-dep-model-a", PrimaryContainer: { Image: IMAGE } })),
      "ValidationException",
      `Cannot create already existing model "${A}:model/t-dep-model-a".`,
    );
    await expectError(
      emu.client().send(new DescribeModelCommand({ ModelName: "t-dep-none" })),
      "ValidationException",
      `Could not find model "${A}:model/t-dep-none".`,
    );
  });

  it("lists models with pagination, each exactly once, newest first by default", async () => {
    const all = await allPages(async (t) => {
      const r = await emu.client().send(new ListModelsCommand({ MaxResults: 3, NextToken: t }));
      return { items: r.Models, next: r.NextToken };
    });
    const names = all.map((m) => m.ModelName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("t-dep-model-a");
    const times = all.map((m) => m.CreationTime!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("endpoint configs", () => {
  it("describes a config and answers a missing one with AWS's message", async () => {
    const d = await emu
      .client()
      .send(new DescribeEndpointConfigCommand({ EndpointConfigName: "t-dep-cfg-a" }));
    expect(d.EndpointConfigArn).toBe(`${A}:endpoint-config/t-dep-cfg-a`);
    expect(d.ProductionVariants?.[0]?.ModelName).toBe("t-dep-model-a");
    await expectError(
      emu.client().send(new DescribeEndpointConfigCommand({ EndpointConfigName: "t-dep-none" })),
      "ValidationException",
      `Could not find endpoint configuration "${A}:endpoint-config/t-dep-none".`,
    );
  });

  it("validates variants (count, serverless limits, missing model) and duplicates", async () => {
    await expectError(
      emu
        .client()
        .send(new CreateEndpointConfigCommand({ EndpointConfigName: "t-dep-c1", ProductionVariants: [] })),
      "ValidationException",
      "Member must have length greater than or equal to 1",
    );
    await expectError(
      emu.client().send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: "t-dep-c1",
          ProductionVariants: [
            {
              VariantName: "v",
              ModelName: "t-dep-model-a",
              ServerlessConfig: { MemorySizeInMB: 512, MaxConcurrency: 5 },
            },
          ],
        }),
      ),
      "ValidationException",
      "productionVariants.1.member.serverlessConfig.memorySizeInMB",
    );
    await expectError(
      emu.client().send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: "t-dep-c1",
          ProductionVariants: [variant("t-dep-ghost")],
        }),
      ),
      "ValidationException",
      "Could not find model",
    );
    await expectError(
      emu.client().send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: "t-dep-cfg-a",
          ProductionVariants: [variant("t-dep-model-a")],
        }),
      ),
      "ValidationException",
      `Cannot create already existing endpoint configuration "${A}:endpoint-config/t-dep-cfg-a".`,
    );
    const serverless = await emu.client().send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: "t-dep-serverless",
        ProductionVariants: [
          {
            VariantName: "v",
            ModelName: "t-dep-model-b",
            ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 },
          },
        ],
      }),
    );
    expect(serverless.EndpointConfigArn).toMatch(/endpoint-config\/t-dep-serverless$/);
  });

  it("lists configs with pagination and sorts by name", async () => {
    const all = await allPages(async (t) => {
      const r = await emu.client().send(
        new ListEndpointConfigsCommand({
          MaxResults: 2,
          NextToken: t,
          SortBy: "Name",
          SortOrder: "Ascending",
          NameContains: "t-dep",
        }),
      );
      return { items: r.EndpointConfigs, next: r.NextToken };
    });
    expect(all.map((c) => c.EndpointConfigName)).toEqual(["t-dep-cfg-a", "t-dep-cfg-b", "t-dep-serverless"]);
  });
});

describe("endpoints", () => {
  it("moves Creating → InService with deployed images, then Updating → InService on the new config", async () => {
    const r = await emu
      .client()
      .send(new CreateEndpointCommand({ EndpointName: "t-dep-ep", EndpointConfigName: "t-dep-cfg-a" }));
    expect(r.EndpointArn).toBe(`${A}:endpoint/t-dep-ep`);
    expect(await status("t-dep-ep")).toBe("Creating");
    await expectError(
      emu
        .client()
        .send(new UpdateEndpointCommand({ EndpointName: "t-dep-ep", EndpointConfigName: "t-dep-cfg-b" })),
      "ValidationException",
      "Cannot update in-progress endpoint",
    );
    await waitFor(async () => (await status("t-dep-ep")) === "InService");
    const d = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-dep-ep" }));
    expect(d.EndpointConfigName).toBe("t-dep-cfg-a");
    expect(d.ProductionVariants?.[0]?.DeployedImages?.[0]?.SpecifiedImage).toBe(IMAGE);
    expect(d.ProductionVariants?.[0]?.CurrentInstanceCount).toBe(1);
    expect(d.LastModifiedTime!.getTime()).toBeGreaterThanOrEqual(d.CreationTime!.getTime());

    await emu
      .client()
      .send(new UpdateEndpointCommand({ EndpointName: "t-dep-ep", EndpointConfigName: "t-dep-cfg-b" }));
    const updating = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-dep-ep" }));
    expect(updating.EndpointStatus).toBe("Updating");
    expect(updating.EndpointConfigName).toBe("t-dep-cfg-a");
    expect(updating.PendingDeploymentSummary?.EndpointConfigName).toBe("t-dep-cfg-b");
    await waitFor(async () => (await status("t-dep-ep")) === "InService");
    const after = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-dep-ep" }));
    expect(after.EndpointConfigName).toBe("t-dep-cfg-b");
    expect(after.PendingDeploymentSummary).toBeUndefined();
  });

  it("rolls a failed update back: InService on the previous config with a FailureReason", async () => {
    await emu
      .client()
      .send(new CreateModelCommand({ ModelName: "t-dep-doomed", PrimaryContainer: { Image: IMAGE } }));
    await emu.client().send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: "t-dep-cfg-doomed",
        ProductionVariants: [variant("t-dep-doomed")],
      }),
    );
    await emu.client().send(new DeleteModelCommand({ ModelName: "t-dep-doomed" }));
    await emu
      .client()
      .send(new UpdateEndpointCommand({ EndpointName: "t-dep-ep", EndpointConfigName: "t-dep-cfg-doomed" }));
    await waitFor(async () => (await status("t-dep-ep")) !== "Updating");
    const d = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-dep-ep" }));
    expect(d.EndpointStatus).toBe("InService");
    expect(d.EndpointConfigName).toBe("t-dep-cfg-b");
    expect(d.FailureReason).toContain("Could not find model");
  });

  it("fails a create whose model is gone", async () => {
    await emu
      .client()
      .send(
        new CreateEndpointCommand({ EndpointName: "t-dep-broken", EndpointConfigName: "t-dep-cfg-doomed" }),
      );
    await waitFor(async () => (await status("t-dep-broken")) !== "Creating");
    const d = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-dep-broken" }));
    expect(d.EndpointStatus).toBe("Failed");
    expect(d.FailureReason).toBeDefined();
    await expectError(
      emu
        .client()
        .send(new UpdateEndpointCommand({ EndpointName: "t-dep-broken", EndpointConfigName: "t-dep-cfg-a" })),
      "ValidationException",
      "Cannot update failed endpoint",
    );
  });

  it("answers missing endpoints and duplicates with AWS's messages", async () => {
    await expectError(
      emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-dep-nope" })),
      "ValidationException",
      `Could not find endpoint "${A}:endpoint/t-dep-nope".`,
    );
    await expectError(
      emu
        .client()
        .send(new CreateEndpointCommand({ EndpointName: "t-dep-ep", EndpointConfigName: "t-dep-cfg-a" })),
      "ValidationException",
      `Cannot create already existing endpoint "${A}:endpoint/t-dep-ep".`,
    );
    await expectError(
      emu
        .client()
        .send(new CreateEndpointCommand({ EndpointName: "t-dep-new", EndpointConfigName: "t-dep-none" })),
      "ValidationException",
      "Could not find endpoint configuration",
    );
  });

  it("lists endpoints with status filter, sort and full pagination", async () => {
    const all = await allPages(async (t) => {
      const r = await emu.client().send(new ListEndpointsCommand({ MaxResults: 2, NextToken: t }));
      return { items: r.Endpoints, next: r.NextToken };
    });
    const names = all.map((e) => e.EndpointName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["t-dep-ep", "t-dep-broken", "fraud-detection-prod"]));
    const times = all.map((e) => e.CreationTime!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const failed = await emu.client().send(new ListEndpointsCommand({ StatusEquals: "Failed" }));
    expect(failed.Endpoints?.map((e) => e.EndpointName)).toEqual(["t-dep-broken"]);
    const byName = await emu.client().send(
      new ListEndpointsCommand({
        SortBy: "Name",
        SortOrder: "Ascending",
        NameContains: "t-dep",
        MaxResults: 100,
      }),
    );
    expect(byName.Endpoints?.map((e) => e.EndpointName)).toEqual(["t-dep-broken", "t-dep-ep"]);
    await expectError(
      emu.client().send(new ListEndpointsCommand({ StatusEquals: "Sleeping" as "Failed" })),
      "ValidationException",
      "statusEquals",
    );
  });

  it("deletes endpoints, configs and models", async () => {
    await emu.client().send(new DeleteEndpointCommand({ EndpointName: "t-dep-broken" }));
    await expectError(
      emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-dep-broken" })),
      "ValidationException",
      "Could not find endpoint",
    );
    await emu.client().send(new DeleteEndpointConfigCommand({ EndpointConfigName: "t-dep-cfg-doomed" }));
    await expectError(
      emu.client().send(new DescribeEndpointConfigCommand({ EndpointConfigName: "t-dep-cfg-doomed" })),
      "ValidationException",
    );
    await expectError(
      emu.client().send(new DeleteModelCommand({ ModelName: "t-dep-doomed" })),
      "ValidationException",
      "Could not find model",
    );
  });

  it("keeps endpoints and an in-flight rollout across a restart", async () => {
    await emu
      .client()
      .send(new CreateEndpointCommand({ EndpointName: "t-dep-durable", EndpointConfigName: "t-dep-cfg-a" }));
    await emu.restart();
    await waitFor(async () => (await status("t-dep-durable")) === "InService");
    const d = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "t-dep-durable" }));
    expect(d.EndpointConfigName).toBe("t-dep-cfg-a");
    expect(
      (await emu.client().send(new DescribeModelCommand({ ModelName: "t-dep-model-a" }))).PrimaryContainer
        ?.ModelPackageName,
    ).toBe(packageArn);
  });
});
