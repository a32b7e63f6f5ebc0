/** EMULATOR_DEMO_ACCOUNTS=1: staging and production endpoints (with their history) live in their own accounts. */
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  GetModelPackageGroupPolicyCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListMonitoringSchedulesCommand,
  ListTagsCommand,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../testing/fixture";

const emu = emulatorFixture({ env: { EMULATOR_DEMO_ACCOUNTS: "1" } });
const as = (accessKeyId: string) =>
  new SageMakerClient({
    endpoint: emu.handle().endpoint,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey: "x" },
  });
const endpointNames = async (c: SageMakerClient) =>
  ((await c.send(new ListEndpointsCommand({ MaxResults: 100 }))).Endpoints ?? []).map((e) => e.EndpointName);

describe("demo data across three accounts", () => {
  it("puts stage endpoints in their accounts and keeps one solution entirely in development", async () => {
    const home = emu.client();
    const staging = as("AKIDSAGEDECKSTAGING");
    const production = as("AKIDSAGEDECKPRODUCTION");
    const dev = await endpointNames(home);
    expect(dev).toContain("churn-prod");
    expect(dev.filter((n) => n !== "churn-prod")).toEqual([]);
    const prod = await endpointNames(production);
    expect(prod).toEqual(expect.arrayContaining(["fraud-detection-prod", "recsys-ranking-prod"]));
    expect(prod).not.toContain("churn-prod");
    expect(await endpointNames(staging)).toEqual(
      expect.arrayContaining(["fraud-detection-staging", "recsys-ranking-staging"]),
    );
  });

  it("moves the deployment history, models, tags and monitoring, and shares the registry group by policy", async () => {
    const production = as("AKIDSAGEDECKPRODUCTION");
    const ep = await production.send(new DescribeEndpointCommand({ EndpointName: "fraud-detection-prod" }));
    expect(ep.EndpointArn).toBe("arn:aws:sagemaker:us-east-1:333333333333:endpoint/fraud-detection-prod");
    expect(ep.EndpointStatus).toBe("InService");
    const history = await production.send(
      new ListEndpointConfigsCommand({ NameContains: "fraud-detection-prod", MaxResults: 100 }),
    );
    expect((history.EndpointConfigs ?? []).length).toBeGreaterThan(1);
    const cfg = await production.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: ep.EndpointConfigName }),
    );
    const model = await production.send(
      new DescribeModelCommand({ ModelName: cfg.ProductionVariants?.[0]?.ModelName }),
    );
    expect(model.ModelArn).toContain(":333333333333:model/");
    const pkg = model.PrimaryContainer?.ModelPackageName ?? "";
    expect(pkg).toMatch(/^arn:aws:sagemaker:us-east-1:123456789012:model-package\//);
    // the package stays in development and is readable from production through the group's policy
    const d = await production.send(new DescribeModelPackageCommand({ ModelPackageName: pkg }));
    expect(d.ModelPackageArn).toBe(pkg);
    const policy = await emu
      .client()
      .send(new GetModelPackageGroupPolicyCommand({ ModelPackageGroupName: d.ModelPackageGroupName }));
    expect(policy.ResourcePolicy).toContain("arn:aws:iam::333333333333:root");
    const tags = await production.send(new ListTagsCommand({ ResourceArn: ep.EndpointArn }));
    expect(tags.Tags?.some((t) => t.Key === "sagemaker:deployment-stage" && t.Value === "prod")).toBe(true);
    const schedules = await production.send(
      new ListMonitoringSchedulesCommand({ EndpointName: "fraud-detection-prod" }),
    );
    expect((schedules.MonitoringScheduleSummaries ?? []).length).toBeGreaterThan(0);
    const homeSchedules = await emu
      .client()
      .send(new ListMonitoringSchedulesCommand({ EndpointName: "fraud-detection-prod" }));
    expect(homeSchedules.MonitoringScheduleSummaries ?? []).toEqual([]);
  });
});
