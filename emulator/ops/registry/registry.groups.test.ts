/** Model registry conformance: model package groups (describe, errors, duplicates, pagination, tokens). */
import {
  CreateModelPackageGroupCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackageGroupsCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError } from "./test-helpers";
import { G, G2, createGroups } from "../../testing/registry";

const emu = emulatorFixture({ setup: createGroups });

describe("model package groups", () => {
  it("describes by name and by ARN, with CreatedBy and status", async () => {
    const byName = await emu
      .client()
      .send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: G }));
    expect(byName.ModelPackageGroupArn).toBe(
      `arn:aws:sagemaker:us-east-1:123456789012:model-package-group/${G}`,
    );
    expect(byName.ModelPackageGroupStatus).toBe("Completed");
    expect(byName.ModelPackageGroupDescription).toBe("alpha");
    expect(byName.CreationTime).toBeInstanceOf(Date);
    expect(byName.CreatedBy?.IamIdentity?.Arn).toContain("assumed-role");
    const byArn = await emu
      .client()
      .send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: byName.ModelPackageGroupArn }));
    expect(byArn.ModelPackageGroupName).toBe(G);
  });

  it("answers a missing group with ValidationException … does not exist", async () => {
    await expectError(
      emu.client().send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: "t-reg-nope" })),
      "ValidationException",
      "does not exist",
    );
  });

  it("refuses a duplicate and a bad name", async () => {
    await expectError(
      emu.client().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: G })),
      "ValidationException",
      "already exists",
    );
    await expectError(
      emu.client().send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "bad_name" })),
      "ValidationException",
      "1 validation error detected: Value 'bad_name' at 'modelPackageGroupName' failed to satisfy constraint",
    );
  });

  it("lists every group exactly once across pages, sorted by name both ways, filtered by NameContains", async () => {
    const all = await allPages(async (t) => {
      const r = await emu.client().send(
        new ListModelPackageGroupsCommand({
          MaxResults: 2,
          NextToken: t,
          SortBy: "Name",
          SortOrder: "Ascending",
        }),
      );
      return { items: r.ModelPackageGroupSummaryList, next: r.NextToken };
    });
    const names = all.map((g) => g.ModelPackageGroupName ?? "");
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
    expect(names).toContain(G);
    expect(names.length).toBeGreaterThanOrEqual(8);
    const desc = await emu
      .client()
      .send(new ListModelPackageGroupsCommand({ MaxResults: 100, SortBy: "Name", SortOrder: "Descending" }));
    expect(desc.ModelPackageGroupSummaryList?.map((g) => g.ModelPackageGroupName)).toEqual(
      [...names].reverse(),
    );
    const filtered = await emu.client().send(new ListModelPackageGroupsCommand({ NameContains: "t-reg" }));
    expect(filtered.ModelPackageGroupSummaryList?.map((g) => g.ModelPackageGroupName).sort()).toEqual([
      G,
      G2,
    ]);
  });

  it("rejects a tampered NextToken", async () => {
    const r = await emu.client().send(new ListModelPackageGroupsCommand({ MaxResults: 1 }));
    await expectError(
      emu.client().send(new ListModelPackageGroupsCommand({ MaxResults: 1, NextToken: `${r.NextToken}x` })),
      "ValidationException",
      "Invalid pagination token",
    );
  });
});
