/** The seeded demo organisation holds what the registry/deploy seed promises (issue 3, demo data). */
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  ListTagsCommand,
  SearchCommand,
  type ModelPackageSummary,
} from "@aws-sdk/client-sagemaker";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { SOLUTIONS } from "../../seed/org";
import { allPages } from "./test-helpers";

const emu = emulatorFixture();
const versions = new Map<string, ModelPackageSummary[]>();

beforeAll(async () => {
  const groups = await emu.client().send(new ListModelPackageGroupsCommand({ MaxResults: 100 }));
  for (const g of groups.ModelPackageGroupSummaryList ?? []) {
    const name = g.ModelPackageGroupName ?? "";
    versions.set(
      name,
      await allPages(async (t) => {
        const r = await emu
          .client()
          .send(new ListModelPackagesCommand({ ModelPackageGroupName: name, MaxResults: 100, NextToken: t }));
        return { items: r.ModelPackageSummaryList, next: r.NextToken };
      }),
    );
  }
}, 120_000);

const all = () => [...versions.values()].flat();

describe("seeded registry", () => {
  it("holds every solution's groups: at least 6 groups and 60 versions", () => {
    for (const s of SOLUTIONS)
      for (const p of s.pipelines) expect(versions.has(p.modelPackageGroup), p.modelPackageGroup).toBe(true);
    expect(versions.size).toBeGreaterThanOrEqual(6);
    expect(all().length).toBeGreaterThanOrEqual(60);
  });

  it("has every approval status and every lifecycle stage", () => {
    const statuses = new Set(all().map((p) => p.ModelApprovalStatus));
    expect([...statuses].sort()).toEqual(["Approved", "PendingManualApproval", "Rejected"]);
    const stages = new Set(all().map((p) => p.ModelLifeCycle?.Stage));
    for (const s of ["Development", "Staging", "Production", "Archived"]) expect(stages.has(s), s).toBe(true);
  });

  it("keeps an approval queue, some of it older than 48 hours", () => {
    const pending = all().filter((p) => p.ModelApprovalStatus === "PendingManualApproval");
    expect(pending.length).toBeGreaterThanOrEqual(3);
    const newest = Math.max(...all().map((p) => p.CreationTime!.getTime()));
    expect(pending.some((p) => newest - p.CreationTime!.getTime() > 48 * 3600 * 1000)).toBe(true);
  });

  it("has approvals by someone other than the registrant, with a written reason naming them", async () => {
    const fraud = SOLUTIONS.find((s) => s.key === "fraud-detection")!;
    const approved = (versions.get(fraud.pipelines[0]!.modelPackageGroup) ?? []).filter(
      (p) => p.ModelApprovalStatus === "Approved",
    );
    expect(approved.length).toBeGreaterThan(0);
    for (const p of approved.slice(0, 3)) {
      const d = await emu
        .client()
        .send(new DescribeModelPackageCommand({ ModelPackageName: p.ModelPackageArn }));
      expect(d.LastModifiedBy?.UserProfileName).not.toBe(d.CreatedBy?.UserProfileName);
      expect(d.ApprovalDescription).toMatch(/Grace Okafor/);
    }
  });

  it("records a production rollback in the lifecycle history", () => {
    expect(all().some((p) => p.ModelLifeCycle?.StageStatus === "OnHold")).toBe(true);
  });
});

describe("Search over registry resources", () => {
  it("finds a project's group by tag, its versions, packages by lifecycle stage and groups by team", async () => {
    const projectGroups = await emu.client().send(
      new SearchCommand({
        Resource: "ModelPackageGroup",
        SearchExpression: {
          Filters: [{ Name: "Tags.sagemaker:project-name", Operator: "Equals", Value: "recsys-ranking" }],
        },
      }),
    );
    const group = projectGroups.Results?.[0]?.ModelPackageGroup?.ModelPackageGroupName ?? "";
    expect(projectGroups.Results?.map((r) => r.ModelPackageGroup?.ModelPackageGroupName)).toEqual([
      "recsys-ranking-p-r3cgx8f2k1ab",
    ]);
    const inGroup = await allPages(async (t) => {
      const r = await emu.client().send(
        new SearchCommand({
          Resource: "ModelPackage",
          SearchExpression: {
            Filters: [{ Name: "ModelPackageGroupName", Operator: "Equals", Value: group }],
          },
          MaxResults: 100,
          NextToken: t,
        }),
      );
      return { items: r.Results, next: r.NextToken };
    });
    expect(inGroup.map((r) => r.ModelPackage?.ModelPackageArn).sort()).toEqual(
      (versions.get(group) ?? []).map((p) => p.ModelPackageArn).sort(),
    );
    const prod = await emu.client().send(
      new SearchCommand({
        Resource: "ModelPackage",
        SearchExpression: {
          Filters: [{ Name: "ModelLifeCycle.Stage", Operator: "Equals", Value: "Production" }],
        },
        MaxResults: 100,
      }),
    );
    expect(prod.Results?.length).toBeGreaterThan(0);
    expect(prod.Results?.every((r) => r.ModelPackage?.ModelLifeCycle?.Stage === "Production")).toBe(true);
    const groups = await emu.client().send(
      new SearchCommand({
        Resource: "ModelPackageGroup",
        SearchExpression: { Filters: [{ Name: "Tags.team", Operator: "Equals", Value: "risk" }] },
      }),
    );
    expect(groups.Results?.map((r) => r.ModelPackageGroup?.ModelPackageGroupName).sort()).toEqual([
      "fraud-graph",
      "fraud-xgboost",
    ]);
  });
});

describe("seeded deployments", () => {
  it("serves approved versions on staging and production endpoints, all InService and tagged", async () => {
    for (const s of SOLUTIONS.filter((x) => x.manualApprovals)) {
      for (const [stage, name] of [
        ["staging", s.endpoints.staging],
        ["prod", s.endpoints.production],
      ] as const) {
        if (!name) continue;
        const ep = await emu.client().send(new DescribeEndpointCommand({ EndpointName: name }));
        expect(ep.EndpointStatus, name).toBe("InService");
        expect(ep.ProductionVariants?.[0]?.DeployedImages?.[0]?.SpecifiedImage).toBeDefined();
        const cfg = ep.EndpointConfigName ?? "";
        const configs = await emu
          .client()
          .send(new ListEndpointConfigsCommand({ NameContains: name, MaxResults: 100 }));
        expect(configs.EndpointConfigs?.map((c) => c.EndpointConfigName)).toContain(cfg);
        const pkg = await servedPackage(cfg);
        expect(pkg.ModelApprovalStatus, name).toBe("Approved");
        const tags = await emu.client().send(new ListTagsCommand({ ResourceArn: ep.EndpointArn }));
        expect(tags.Tags).toEqual(
          expect.arrayContaining([
            { Key: "sagemaker:deployment-stage", Value: stage },
            { Key: "team", Value: s.team },
          ]),
        );
      }
    }
  });

  it("keeps a history of production deployments (several endpoint configs over time)", async () => {
    const configs = await emu
      .client()
      .send(new ListEndpointConfigsCommand({ NameContains: "fraud-detection-prod", MaxResults: 100 }));
    const times = new Set(configs.EndpointConfigs?.map((c) => c.CreationTime!.getTime()));
    expect(times.size).toBeGreaterThanOrEqual(2);
  });

  it("has churn-prod serving a version that was never approved", async () => {
    const ep = await emu.client().send(new DescribeEndpointCommand({ EndpointName: "churn-prod" }));
    expect(ep.EndpointStatus).toBe("InService");
    const pkg = await servedPackage(ep.EndpointConfigName ?? "");
    expect(pkg.ModelApprovalStatus).not.toBe("Approved");
  });

  it("lists every seeded endpoint", async () => {
    const eps = await emu.client().send(new ListEndpointsCommand({ MaxResults: 100 }));
    const names = eps.Endpoints?.map((e) => e.EndpointName) ?? [];
    for (const s of SOLUTIONS)
      for (const n of [s.endpoints.staging, s.endpoints.production]) if (n) expect(names).toContain(n);
  });
});

async function servedPackage(configName: string) {
  const cfg = await emu.client().send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName }));
  const model = await emu
    .client()
    .send(new DescribeModelCommand({ ModelName: cfg.ProductionVariants?.[0]?.ModelName }));
  const arn = model.PrimaryContainer?.ModelPackageName ?? "";
  expect(arn).toMatch(/:model-package\//);
  return emu.client().send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
}
