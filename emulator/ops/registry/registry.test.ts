/** Model registry conformance: versioned packages, approvals, lifecycle, idempotency, pagination, deletion. */
import {
  BatchDescribeModelPackageCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError } from "./test-helpers";
import { G, G2, createGroups, spec } from "../../testing/registry";

const emu = emulatorFixture({ setup: createGroups });

describe("model packages", () => {
  it("numbers versions per group and builds versioned ARNs", async () => {
    const a1 = await emu
      .client()
      .send(new CreateModelPackageCommand({ ModelPackageGroupName: G, InferenceSpecification: spec }));
    const a2 = await emu
      .client()
      .send(new CreateModelPackageCommand({ ModelPackageGroupName: G, InferenceSpecification: spec }));
    const b1 = await emu
      .client()
      .send(new CreateModelPackageCommand({ ModelPackageGroupName: G2, InferenceSpecification: spec }));
    expect(a1.ModelPackageArn).toBe(`arn:aws:sagemaker:us-east-1:123456789012:model-package/${G}/1`);
    expect(a2.ModelPackageArn).toMatch(/model-package\/t-reg-alpha\/2$/);
    expect(b1.ModelPackageArn).toMatch(/model-package\/t-reg-beta\/1$/);
    const d = await emu
      .client()
      .send(new DescribeModelPackageCommand({ ModelPackageName: a2.ModelPackageArn }));
    expect(d.ModelPackageVersion).toBe(2);
    expect(d.ModelPackageGroupName).toBe(G);
    expect(d.ModelApprovalStatus).toBe("PendingManualApproval");
    expect(d.ModelPackageStatus).toBe("Completed");
    expect(d.ModelPackageStatusDetails?.ValidationStatuses).toEqual([]);
    const byNameVersion = await emu
      .client()
      .send(new DescribeModelPackageCommand({ ModelPackageName: `${G}/1` }));
    expect(byNameVersion.ModelPackageArn).toBe(a1.ModelPackageArn);
  });

  it("stores metrics, metadata, lifecycle and customer metadata as given", async () => {
    const r = await emu.client().send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: G2,
        ModelApprovalStatus: "Approved",
        ModelMetrics: {
          ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: "s3://b/eval.json" } },
        },
        MetadataProperties: {
          GeneratedBy: "arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/abc",
        },
        CustomerMetadataProperties: { "metric:auc": "0.91" },
        ModelLifeCycle: { Stage: "Development", StageStatus: "InProgress" },
        SourceUri: "s3://b/model.tar.gz",
        ModelPackageRegistrationType: "Logged",
      }),
    );
    const d = await emu
      .client()
      .send(new DescribeModelPackageCommand({ ModelPackageName: r.ModelPackageArn }));
    expect(d.ModelApprovalStatus).toBe("Approved");
    expect(d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri).toBe("s3://b/eval.json");
    expect(d.MetadataProperties?.GeneratedBy).toContain("execution/abc");
    expect(d.CustomerMetadataProperties).toEqual({ "metric:auc": "0.91" });
    expect(d.ModelLifeCycle).toEqual({ Stage: "Development", StageStatus: "InProgress" });
    expect(d.ModelPackageRegistrationType).toBe("Logged");
    expect(d.SourceUri).toBe("s3://b/model.tar.gz");
  });

  it("is idempotent on ClientToken and refuses a reused token with different input", async () => {
    const input = { ModelPackageGroupName: G, ClientToken: "tok-123", ModelPackageDescription: "same" };
    const a = await emu.client().send(new CreateModelPackageCommand(input));
    const b = await emu.client().send(new CreateModelPackageCommand(input));
    expect(b.ModelPackageArn).toBe(a.ModelPackageArn);
    await expectError(
      emu.client().send(new CreateModelPackageCommand({ ...input, ModelPackageDescription: "different" })),
      "ConflictException",
    );
  });

  it("round-trips an approval with description, lifecycle and metadata merge/remove", async () => {
    const { ModelPackageArn } = await emu.client().send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: G,
        CustomerMetadataProperties: { a: "1", b: "2" },
      }),
    );
    const before = await emu
      .client()
      .send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    await new Promise((r) => setTimeout(r, 20));
    const u = await emu.client().send(
      new UpdateModelPackageCommand({
        ModelPackageArn,
        ModelApprovalStatus: "Approved",
        ApprovalDescription: "Approved by Grace: AUC above gate",
        ModelLifeCycle: { Stage: "Staging", StageStatus: "Approved", StageDescription: "ready" },
        CustomerMetadataProperties: { c: "3", a: "10" },
        CustomerMetadataPropertiesToRemove: ["b"],
      }),
    );
    expect(u.ModelPackageArn).toBe(ModelPackageArn);
    const d = await emu.client().send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    expect(d.ModelApprovalStatus).toBe("Approved");
    expect(d.ApprovalDescription).toBe("Approved by Grace: AUC above gate");
    expect(d.ModelLifeCycle?.Stage).toBe("Staging");
    expect(d.CustomerMetadataProperties).toEqual({ a: "10", c: "3" });
    expect(d.LastModifiedTime!.getTime()).toBeGreaterThan(before.LastModifiedTime!.getTime());
    expect(d.LastModifiedBy?.IamIdentity?.Arn).toBeDefined();
    await expectError(
      emu
        .client()
        .send(new UpdateModelPackageCommand({ ModelPackageArn, ApprovalDescription: "x".repeat(1025) })),
      "ValidationException",
      "approvalDescription",
    );
  });

  it("lists a group's versions with approval filter, sort and full pagination", async () => {
    for (let i = 0; i < 5; i++)
      await emu.client().send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: G2,
          ModelApprovalStatus: i % 2 ? "Rejected" : "PendingManualApproval",
        }),
      );
    const all = await allPages(async (t) => {
      const r = await emu.client().send(
        new ListModelPackagesCommand({
          ModelPackageGroupName: G2,
          MaxResults: 2,
          NextToken: t,
          SortBy: "CreationTime",
          SortOrder: "Ascending",
        }),
      );
      return { items: r.ModelPackageSummaryList, next: r.NextToken };
    });
    const versions = all.map((p) => p.ModelPackageVersion ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.length).toBe(7);
    expect(all.every((p) => p.ModelPackageGroupName === G2)).toBe(true);
    const rejected = await emu
      .client()
      .send(new ListModelPackagesCommand({ ModelPackageGroupName: G2, ModelApprovalStatus: "Rejected" }));
    expect(rejected.ModelPackageSummaryList?.length).toBe(2);
    const desc = await emu
      .client()
      .send(
        new ListModelPackagesCommand({ ModelPackageGroupName: G2, SortOrder: "Descending", MaxResults: 100 }),
      );
    expect(desc.ModelPackageSummaryList?.map((p) => p.ModelPackageVersion)).toEqual([...versions].reverse());
  });

  it("batch-describes versions and reports unknown ARNs", async () => {
    const known = `arn:aws:sagemaker:us-east-1:123456789012:model-package/${G}/1`;
    const unknown = `arn:aws:sagemaker:us-east-1:123456789012:model-package/${G}/999`;
    const r = await emu
      .client()
      .send(new BatchDescribeModelPackageCommand({ ModelPackageArnList: [known, unknown] }));
    expect(r.ModelPackageSummaries?.[known]?.ModelPackageVersion).toBe(1);
    expect(r.BatchDescribeModelPackageErrorMap?.[unknown]?.ErrorCode).toBe("ValidationException");
  });

  it("refuses to delete a group with versions, then deletes both", async () => {
    const g = "t-reg-delete";
    await emu.client().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: g }));
    const { ModelPackageArn } = await emu
      .client()
      .send(new CreateModelPackageCommand({ ModelPackageGroupName: g }));
    await expectError(
      emu.client().send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: g })),
      "ConflictException",
    );
    await emu.client().send(new DeleteModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    await expectError(
      emu.client().send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn })),
      "ValidationException",
      "does not exist",
    );
    await emu.client().send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: g }));
    await expectError(
      emu.client().send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: g })),
      "ValidationException",
      "does not exist",
    );
    // a recreated group starts again at version 1
    await emu.client().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: g }));
    const again = await emu.client().send(new CreateModelPackageCommand({ ModelPackageGroupName: g }));
    expect(again.ModelPackageArn).toMatch(/\/1$/);
  });

  it("applies CreationTime filters, type filters, and validates MaxResults and SortBy", async () => {
    const all =
      (await emu.client().send(new ListModelPackagesCommand({ ModelPackageGroupName: G2, MaxResults: 100 })))
        .ModelPackageSummaryList ?? [];
    const times = all.map((p) => p.CreationTime!.getTime()).sort((a, b) => a - b);
    const pivot = new Date(times[Math.floor(times.length / 2)]!);
    const after = await emu.client().send(
      new ListModelPackagesCommand({
        ModelPackageGroupName: G2,
        CreationTimeAfter: pivot,
        MaxResults: 100,
      }),
    );
    const before = await emu.client().send(
      new ListModelPackagesCommand({
        ModelPackageGroupName: G2,
        CreationTimeBefore: pivot,
        MaxResults: 100,
      }),
    );
    expect(after.ModelPackageSummaryList?.every((p) => p.CreationTime!.getTime() > pivot.getTime())).toBe(
      true,
    );
    expect(before.ModelPackageSummaryList?.every((p) => p.CreationTime!.getTime() < pivot.getTime())).toBe(
      true,
    );
    expect((after.ModelPackageSummaryList?.length ?? 0) + (before.ModelPackageSummaryList?.length ?? 0)).toBe(
      all.length - times.filter((t) => t === pivot.getTime()).length,
    );
    const unversioned = await emu
      .client()
      .send(new ListModelPackagesCommand({ ModelPackageType: "Unversioned", NameContains: "t-reg" }));
    expect(unversioned.ModelPackageSummaryList).toEqual([]);
    const both = await emu.client().send(
      new ListModelPackagesCommand({
        ModelPackageType: "Both",
        NameContains: "t-reg-beta",
        MaxResults: 100,
      }),
    );
    expect(both.ModelPackageSummaryList?.length).toBe(all.length);
    await expectError(
      emu.client().send(new ListModelPackagesCommand({ MaxResults: 101 })),
      "ValidationException",
      "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    await expectError(
      emu.client().send(new ListModelPackageGroupsCommand({ MaxResults: 0 })),
      "ValidationException",
      "maxResults",
    );
    await expectError(
      emu.client().send(new ListModelPackageGroupsCommand({ SortBy: "Size" as "Name" })),
      "ValidationException",
      "Member must satisfy enum value set: [Name, CreationTime]",
    );
  });
});
