/**
 * Every operation the emulator implements, called once with valid input (and once with an invalid one) through the
 * JS SDK, every answer checked against botocore's SageMaker service model. The other conformance files check
 * their own answers the same way (fixture.ts fails a file whose answers do not conform).
 */
import { describe, expect, it } from "vitest";
import { operationNames } from "../../core/registry";
import "../../ops/index";
import { emulatorFixture } from "../fixture";
import { caller } from "./call";
import { describeViolations } from "./env";
import { loadServiceModel, locateSageMakerModel } from "./model";
import { readEverything } from "./smoke-read";
import { writeEverything } from "./smoke-write";

const emu = emulatorFixture();
// SageMaker's own operations (CodePipeline and Application Auto Scaling are prefixed and have their own tests)
const implemented = operationNames().filter((n) => !n.startsWith("_") && !n.includes(":"));

describe("every answer matches the SageMaker service model", () => {
  it("implements only operations the model defines", () => {
    const found = locateSageMakerModel();
    if (!("path" in found)) throw new Error(found.missing);
    const model = loadServiceModel(found.path);
    expect(implemented.filter((op) => !(op in model.operations))).toEqual([]);
  });

  it("calls every implemented operation and every answer conforms", async () => {
    const call = caller(emu.client());
    await readEverything(call);
    await writeEverything(call);
    const check = await emu.handle().modelCheck();
    expect(check.enabled, check.reason).toBe(true);
    const missed = implemented.filter((op) => !check.checked[op]?.ok);
    expect(missed, "operations the smoke pass did not reach").toEqual([]);
    expect(describeViolations(check) ?? "no violations").toBe("no violations");
  }, 180_000);

  it("answers errors in the model's shape", async () => {
    const call = caller(emu.client());
    await expect(call("DescribeExperiment", { ExperimentName: "nope" })).rejects.toThrow();
    await expect(call("DescribeEndpoint", { EndpointName: "nope" })).rejects.toThrow();
    await expect(call("CreateModelPackageGroup", { ModelPackageGroupName: "bad_name!" })).rejects.toThrow();
    const check = await emu.handle().modelCheck();
    expect(check.checked.DescribeExperiment?.error).toBeGreaterThan(0);
    expect(describeViolations(check) ?? "no violations").toBe("no violations");
  });
});
