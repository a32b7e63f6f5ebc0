/** Deploy conformance: endpoints with simulated rollouts (EMULATOR_SPEED=100), failures, listing, deletion, restarts. */
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListEndpointsCommand,
  UpdateEndpointCommand,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError, waitFor } from "../registry/test-helpers";
import { A, IMAGE, seedDeploy, variant } from "../../testing/deploy";

const emu = emulatorFixture();
let packageArn = "";

const status = async (name: string) =>
  (await emu.client().send(new DescribeEndpointCommand({ EndpointName: name }))).EndpointStatus;

beforeAll(async () => {
  packageArn = await seedDeploy(emu.client());
}, 120_000);

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
