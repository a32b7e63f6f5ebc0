/** Deploy conformance: models (describe, validation, duplicates, listing). */
import { CreateModelCommand, DescribeModelCommand, ListModelsCommand } from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError } from "../registry/test-helpers";
import { A, IMAGE, seedDeploy } from "../../testing/deploy";

const emu = emulatorFixture();
let packageArn = "";

beforeAll(async () => {
  packageArn = await seedDeploy(emu.client());
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
