/** Deploy conformance: endpoint configs (describe, variant validation, duplicates, listing). */
import {
  CreateEndpointConfigCommand,
  DescribeEndpointConfigCommand,
  ListEndpointConfigsCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError } from "../registry/test-helpers";
import { A, seedDeploy, variant } from "../../testing/deploy";

const emu = emulatorFixture({ setup: seedDeploy });

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
