/** Monitoring schedules with their executions, and the large-scale version volume. */
import type { SeedEnv } from "../env";
import { HISTORY_DAYS, LARGE, type SolutionSpec } from "../org";
import { solutionTags } from "../projects";
import { DAY, HOUR, BUCKET, IMAGE } from "./common";
import type { Deployment } from "./deploy";

export async function monitoring(env: SeedEnv, s: SolutionSpec, plan: Deployment[]) {
  const prod = s.endpoints.production;
  const first = plan.find((d) => d.stageTag === "prod");
  if (!s.monitoring || !prod || !first) return;
  const types = s.key === "fraud-detection" ? ["DataQuality", "ModelQuality"] : ["DataQuality"];
  const user = s.approvers[0] ?? "admin";
  for (const type of types) {
    const name = `${prod}-${type === "DataQuality" ? "data-quality" : "model-quality"}`;
    const created = first.t + 2 * HOUR;
    await env.as(user, created).call("CreateMonitoringSchedule", {
      MonitoringScheduleName: name,
      MonitoringScheduleConfig: {
        ScheduleConfig: { ScheduleExpression: "cron(0 * ? * * *)" },
        MonitoringType: type,
        MonitoringJobDefinition: {
          MonitoringInputs: [
            { EndpointInput: { EndpointName: prod, LocalPath: "/opt/ml/processing/input" } },
          ],
          MonitoringOutputConfig: {
            MonitoringOutputs: [
              {
                S3Output: {
                  S3Uri: `s3://${BUCKET}/${prod}/monitoring/${type}`,
                  LocalPath: "/opt/ml/processing/output",
                },
              },
            ],
          },
          MonitoringResources: {
            ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 20 },
          },
          MonitoringAppSpecification: {
            ImageUri: "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer",
          },
          RoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
        },
      },
      Tags: [...solutionTags(s), { Key: "sagemaker:deployment-stage", Value: "prod" }],
    });
    // one execution a day (the dashboard reads the daily roll-up), violations clustering in the last weeks
    const startDay = Math.ceil(created / DAY) * DAY;
    for (let t = startDay; t < env.anchor; t += DAY) {
      const recent = t > env.anchor - 21 * DAY;
      const r = env.random();
      const status =
        r < 0.03 ? "Failed" : r < (recent ? 0.35 : 0.1) ? "CompletedWithViolations" : "Completed";
      await env.as(user, t + 20 * 60).call("_PutMonitoringExecution", {
        MonitoringScheduleName: name,
        ScheduledTime: t,
        MonitoringExecutionStatus: status,
        ...(status === "Failed"
          ? { FailureReason: "AlgorithmError: no captured data found for the scheduled hour" }
          : {}),
      });
    }
  }
}

export async function large(env: SeedEnv) {
  const group = LARGE.modelPackageGroup;
  const start = env.anchor - HISTORY_DAYS * DAY + DAY;
  const step = ((HISTORY_DAYS - 2) * DAY) / group.versions;
  const statuses = ["Approved", "Rejected", "PendingManualApproval"];
  for (let i = 0; i < group.versions; i++)
    await env.as("admin", Math.floor(start + i * step)).call("CreateModelPackage", {
      ModelPackageGroupName: group.name,
      ModelApprovalStatus: statuses[i % 3],
      InferenceSpecification: {
        Containers: [{ Image: IMAGE }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
      },
      CustomerMetadataProperties: { "metric:auc": (0.8 + (i % 100) / 1000).toFixed(4) },
    });
}
