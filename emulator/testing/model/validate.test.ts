/** The validator itself: each kind of deviation from the model is reported, a conforming answer is not. */
import { describe, expect, it } from "vitest";
import { loadServiceModel, locateSageMakerModel } from "./model";
import { ShapeValidator } from "./validate";

function validator(): ShapeValidator {
  const found = locateSageMakerModel();
  if (!("path" in found)) throw new Error(found.missing);
  return new ShapeValidator(loadServiceModel(found.path));
}

const group = {
  ModelPackageGroupName: "churn",
  ModelPackageGroupArn: "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn",
  CreationTime: 1_700_000_000,
  CreatedBy: {},
  ModelPackageGroupStatus: "Completed",
};

describe("ShapeValidator", () => {
  const v = validator();

  it("accepts a conforming answer", () => {
    expect(v.output("DescribeModelPackageGroup", group)).toEqual([]);
  });

  it("reports missing required members, unknown members, nulls, enums, patterns, types and timestamps", () => {
    const { ModelPackageGroupStatus: _status, ...noStatus } = group;
    expect(v.output("DescribeModelPackageGroup", noStatus)).toEqual([
      "DescribeModelPackageGroup.ModelPackageGroupStatus: required member missing",
    ]);
    const bad = v.output("DescribeModelPackageGroup", {
      ...group,
      ModelPackageGroupName: "bad_name",
      ModelPackageGroupStatus: "Done",
      CreationTime: 1_700_000_000_000,
      Extra: 1,
      ModelPackageGroupDescription: null,
      CreatedBy: { UserProfileName: 5 },
    });
    expect(bad.join("\n")).toMatch(/ModelPackageGroupName: 'bad_name' does not match/);
    expect(bad.join("\n")).toMatch(/'Done' is not one of/);
    expect(bad.join("\n")).toMatch(/looks like milliseconds/);
    expect(bad.join("\n")).toMatch(/Extra: member the model does not define/);
    expect(bad.join("\n")).toMatch(/ModelPackageGroupDescription: null/);
    expect(bad.join("\n")).toMatch(/UserProfileName: expected a string/);
  });

  it("checks patterns written with Java-only syntax (CustomerMetadataKey's quantified end anchor)", () => {
    const out = v.output("DescribeModelPackage", {
      CustomerMetadataProperties: { "metric:auc": "0.9", "bad!": "x" },
    });
    expect(out.join("\n")).toMatch(/CustomerMetadataProperties\{bad!\}: 'bad!' does not match/);
    expect(out.join("\n")).not.toMatch(/metric:auc/);
  });

  it("checks list sizes and error bodies", () => {
    expect(v.output("BatchDescribeModelPackage", { ModelPackageSummaries: [] })[0]).toMatch(/expected a map/);
    expect(
      v.error("DescribeExperiment", 400, { __type: "ResourceNotFound", message: "x", Message: "x" }),
    ).toEqual([]);
    expect(v.error("DescribeExperiment", 400, { __type: "ResourceInUse", message: "x" })[0]).toMatch(
      /not declared by the operation/,
    );
    expect(v.error("DescribeExperiment", 400, { message: "x" })).toEqual([
      "DescribeExperiment: error without __type",
    ]);
  });
});
