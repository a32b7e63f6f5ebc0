/** SageMaker Projects: create, describe, list (seeded projects and own ones). */
import { CreateProjectCommand, DescribeProjectCommand, ListProjectsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError } from "../registry/test-helpers";

const emu = emulatorFixture();
const sc = { ProductId: "prod-test0001", ProvisioningArtifactId: "pa-test0001" };

describe("projects", () => {
  it("creates a project with a p- id and CreateCompleted status", async () => {
    const r = await emu.client().send(
      new CreateProjectCommand({
        ProjectName: "t-proj-one",
        ProjectDescription: "one",
        ServiceCatalogProvisioningDetails: sc,
      }),
    );
    expect(r.ProjectArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:project/t-proj-one");
    expect(r.ProjectId).toMatch(/^p-[a-z0-9]{12}$/);
    const d = await emu.client().send(new DescribeProjectCommand({ ProjectName: "t-proj-one" }));
    expect(d.ProjectStatus).toBe("CreateCompleted");
    expect(d.ProjectId).toBe(r.ProjectId);
    expect(d.ServiceCatalogProvisioningDetails?.ProductId).toBe("prod-test0001");
    expect(d.CreatedBy?.IamIdentity?.Arn).toBeDefined();
  });

  it("describes the seeded projects sharing one template", async () => {
    const a = await emu.client().send(new DescribeProjectCommand({ ProjectName: "recsys-ranking" }));
    const b = await emu.client().send(new DescribeProjectCommand({ ProjectName: "search-ranking" }));
    expect(a.ProjectId).toBe("p-r3cgx8f2k1ab");
    expect(b.ProjectId).toBe("p-s7k2m9q4w6cd");
    expect(a.ServiceCatalogProvisioningDetails?.ProductId).toBe(
      b.ServiceCatalogProvisioningDetails?.ProductId,
    );
  });

  it("answers a missing project with ValidationException … does not exist, and validates names", async () => {
    await expectError(
      emu.client().send(new DescribeProjectCommand({ ProjectName: "t-proj-none" })),
      "ValidationException",
      "does not exist",
    );
    await expectError(
      emu
        .client()
        .send(
          new CreateProjectCommand({ ProjectName: "x".repeat(33), ServiceCatalogProvisioningDetails: sc }),
        ),
      "ValidationException",
      "Member must have length less than or equal to 32",
    );
    await expectError(
      emu
        .client()
        .send(new CreateProjectCommand({ ProjectName: "t-proj-one", ServiceCatalogProvisioningDetails: sc })),
      "ValidationException",
      "already exists",
    );
  });

  it("lists projects across pages, sorted and filtered", async () => {
    await emu
      .client()
      .send(new CreateProjectCommand({ ProjectName: "t-proj-two", ServiceCatalogProvisioningDetails: sc }));
    await emu
      .client()
      .send(new CreateProjectCommand({ ProjectName: "t-proj-three", ServiceCatalogProvisioningDetails: sc }));
    const all = await allPages(async (t) => {
      const r = await emu
        .client()
        .send(
          new ListProjectsCommand({ MaxResults: 2, NextToken: t, SortBy: "Name", SortOrder: "Ascending" }),
        );
      return { items: r.ProjectSummaryList, next: r.NextToken };
    });
    const names = all.map((p) => p.ProjectName ?? "");
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining([
        "recsys-ranking",
        "search-ranking",
        "t-proj-one",
        "t-proj-two",
        "t-proj-three",
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
    const byTime = await emu.client().send(new ListProjectsCommand({ NameContains: "t-proj" }));
    expect(byTime.ProjectSummaryList?.map((p) => p.ProjectName)).toEqual([
      "t-proj-one",
      "t-proj-two",
      "t-proj-three",
    ]);
    const later = await emu
      .client()
      .send(new ListProjectsCommand({ CreationTimeAfter: byTime.ProjectSummaryList?.[0]?.CreationTime }));
    expect(later.ProjectSummaryList?.map((p) => p.ProjectName)).not.toContain("recsys-ranking");
  });
});
