/** Monitoring schedules and executions (seeded months of executions, own schedules). */
import {
  CreateMonitoringScheduleCommand,
  DeleteMonitoringScheduleCommand,
  DescribeMonitoringScheduleCommand,
  ListMonitoringExecutionsCommand,
  ListMonitoringSchedulesCommand,
  StartMonitoringScheduleCommand,
  StopMonitoringScheduleCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";
import { allPages, expectError } from "../registry/test-helpers";

const emu = emulatorFixture();

const create = (name: string, endpoint: string, type: "DataQuality" | "ModelQuality" = "DataQuality") =>
  new CreateMonitoringScheduleCommand({
    MonitoringScheduleName: name,
    MonitoringScheduleConfig: {
      ScheduleConfig: { ScheduleExpression: "cron(0 * ? * * *)" },
      MonitoringType: type,
      MonitoringJobDefinition: {
        MonitoringInputs: [
          { EndpointInput: { EndpointName: endpoint, LocalPath: "/opt/ml/processing/input" } },
        ],
        MonitoringOutputConfig: {
          MonitoringOutputs: [{ S3Output: { S3Uri: "s3://b/mon", LocalPath: "/opt/ml/processing/output" } }],
        },
        MonitoringResources: {
          ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 20 },
        },
        MonitoringAppSpecification: { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/monitor:1" },
        RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
      },
    },
  });

describe("monitoring schedules", () => {
  it("creates, describes, stops, starts and deletes a schedule", async () => {
    const r = await emu.client().send(create("t-mon-a", "t-mon-endpoint"));
    expect(r.MonitoringScheduleArn).toBe(
      "arn:aws:sagemaker:us-east-1:123456789012:monitoring-schedule/t-mon-a",
    );
    const d = await emu
      .client()
      .send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: "t-mon-a" }));
    expect(d.MonitoringScheduleStatus).toBe("Scheduled");
    expect(d.EndpointName).toBe("t-mon-endpoint");
    expect(d.MonitoringType).toBe("DataQuality");
    await emu.client().send(new StopMonitoringScheduleCommand({ MonitoringScheduleName: "t-mon-a" }));
    expect(
      (await emu.client().send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: "t-mon-a" })))
        .MonitoringScheduleStatus,
    ).toBe("Stopped");
    await emu.client().send(new StartMonitoringScheduleCommand({ MonitoringScheduleName: "t-mon-a" }));
    expect(
      (await emu.client().send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: "t-mon-a" })))
        .MonitoringScheduleStatus,
    ).toBe("Scheduled");
    await emu.client().send(new DeleteMonitoringScheduleCommand({ MonitoringScheduleName: "t-mon-a" }));
    await expectError(
      emu.client().send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: "t-mon-a" })),
      "ResourceNotFound",
    );
  });

  it("validates input", async () => {
    await expectError(
      emu.client().send(
        new CreateMonitoringScheduleCommand({
          MonitoringScheduleName: "t-mon-b",
          MonitoringScheduleConfig: undefined,
        }),
      ),
      "ValidationException",
      "monitoringScheduleConfig",
    );
    await expectError(
      emu
        .client()
        .send(new ListMonitoringSchedulesCommand({ MonitoringTypeEquals: "Vibes" as "DataQuality" })),
      "ValidationException",
      "monitoringTypeEquals",
    );
  });

  it("lists schedules by endpoint and type, sorted, across pages", async () => {
    await emu.client().send(create("t-mon-c", "t-mon-ep2", "ModelQuality"));
    await emu.client().send(create("t-mon-d", "t-mon-ep2"));
    await expectError(emu.client().send(create("t-mon-d", "t-mon-ep2")), "ResourceInUse", "already exists");
    const byEndpoint = await emu.client().send(
      new ListMonitoringSchedulesCommand({
        EndpointName: "t-mon-ep2",
        SortBy: "Name",
        SortOrder: "Ascending",
      }),
    );
    expect(byEndpoint.MonitoringScheduleSummaries?.map((s) => s.MonitoringScheduleName)).toEqual([
      "t-mon-c",
      "t-mon-d",
    ]);
    const mq = await emu
      .client()
      .send(
        new ListMonitoringSchedulesCommand({ MonitoringTypeEquals: "ModelQuality", NameContains: "t-mon" }),
      );
    expect(mq.MonitoringScheduleSummaries?.map((s) => s.MonitoringScheduleName)).toEqual(["t-mon-c"]);
    const all = await allPages(async (t) => {
      const r = await emu.client().send(new ListMonitoringSchedulesCommand({ MaxResults: 2, NextToken: t }));
      return { items: r.MonitoringScheduleSummaries, next: r.NextToken };
    });
    const names = all.map((s) => s.MonitoringScheduleName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(["t-mon-c", "t-mon-d", "fraud-detection-prod-data-quality"]),
    );
    const times = all.map((s) => s.CreationTime!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("monitoring executions (seeded)", () => {
  it("holds months of executions per production schedule, each listed once, newest first", async () => {
    const all = await allPages(async (t) => {
      const r = await emu.client().send(
        new ListMonitoringExecutionsCommand({
          MonitoringScheduleName: "fraud-detection-prod-data-quality",
          MaxResults: 100,
          NextToken: t,
        }),
      );
      return { items: r.MonitoringExecutionSummaries, next: r.NextToken };
    });
    expect(all.length).toBeGreaterThan(60);
    const times = all.map((e) => e.ScheduledTime!.getTime());
    expect(new Set(times).size).toBe(times.length);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((times[0]! - times[times.length - 1]!) / 86_400_000).toBeGreaterThan(60);
    expect(all.every((e) => e.EndpointName === "fraud-detection-prod")).toBe(true);
    const statuses = new Set(all.map((e) => e.MonitoringExecutionStatus));
    expect(statuses.has("Completed")).toBe(true);
    expect(statuses.has("CompletedWithViolations")).toBe(true);
  });

  it("filters by status and endpoint", async () => {
    const v = await emu
      .client()
      .send(
        new ListMonitoringExecutionsCommand({ StatusEquals: "CompletedWithViolations", MaxResults: 100 }),
      );
    expect(v.MonitoringExecutionSummaries?.length).toBeGreaterThan(0);
    expect(
      v.MonitoringExecutionSummaries?.every((e) => e.MonitoringExecutionStatus === "CompletedWithViolations"),
    ).toBe(true);
    const byEndpoint = await emu
      .client()
      .send(new ListMonitoringExecutionsCommand({ EndpointName: "recsys-ranking-prod", MaxResults: 5 }));
    expect(
      byEndpoint.MonitoringExecutionSummaries?.every((e) => e.EndpointName === "recsys-ranking-prod"),
    ).toBe(true);
    const d = await emu
      .client()
      .send(
        new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: "recsys-ranking-prod-data-quality" }),
      );
    expect(d.LastMonitoringExecutionSummary?.ScheduledTime?.getTime()).toBe(
      byEndpoint.MonitoringExecutionSummaries?.[0]?.ScheduledTime?.getTime(),
    );
  });
});
