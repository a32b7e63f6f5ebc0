/**
 * Reads the maturity collector needs that no other module makes, mapped to small domain shapes. Every call
 * goes through `sagemakerRead` (cache + coalescing) and is bounded: one page, or a capped number of pages.
 */
import {
  DescribeEndpointConfigCommand,
  DescribeMonitoringScheduleCommand,
  DescribeProjectCommand,
  ListMonitoringSchedulesCommand,
  ListProjectsCommand,
  SearchCommand,
} from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "./call";
import { getSageMakerClient } from "./client";

const client = () => getSageMakerClient();

/** Search pages of 100 training jobs scanned per collection (the window's newest 1,000 jobs). */
export const TRAINING_JOB_PAGES = 10;

export interface TrainingJobRecord {
  name: string;
  arn: string;
  status: string;
  createdAt: number;
  experimentName?: string;
  metricCount: number;
  tags: Record<string, string>;
}

/** Training jobs created since `since` (epoch ms), newest first, with experiment config, metrics and tags. */
export async function searchTrainingJobs(since: number): Promise<TrainingJobRecord[]> {
  const day = Math.floor(since / 86_400_000);
  return sagemakerRead({ key: `maturity:training-jobs:${day}`, operation: "Search" }, async () => {
    const out: TrainingJobRecord[] = [];
    let token: string | undefined;
    for (let i = 0; i < TRAINING_JOB_PAGES; i++) {
      const r = await client().send(
        new SearchCommand({
          Resource: "TrainingJob",
          SearchExpression: {
            Filters: [
              {
                Name: "CreationTime",
                Operator: "GreaterThanOrEqualTo",
                Value: new Date(day * 86_400_000).toISOString(),
              },
            ],
          },
          SortBy: "CreationTime",
          SortOrder: "Descending",
          MaxResults: 100,
          NextToken: token,
        }),
      );
      for (const res of r.Results ?? []) {
        const j = res.TrainingJob;
        if (!j?.TrainingJobName) continue;
        out.push({
          name: j.TrainingJobName,
          arn: j.TrainingJobArn ?? "",
          status: j.TrainingJobStatus ?? "InProgress",
          createdAt: j.CreationTime?.getTime() ?? 0,
          experimentName: j.ExperimentConfig?.ExperimentName,
          metricCount: j.FinalMetricDataList?.length ?? 0,
          tags: Object.fromEntries((j.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""])),
        });
      }
      token = r.NextToken;
      if (!token) break;
    }
    return out;
  });
}

export interface MonitoringRecord {
  name: string;
  endpointName?: string;
  status: string;
  type?: string;
  lastRun?: { status: string; at: number };
  scheduleExpression?: string;
}

/** Every monitoring schedule (one page of 100), each described for its last run and cadence. */
export async function listMonitoring(): Promise<MonitoringRecord[]> {
  const names = await sagemakerRead(
    { key: "maturity:monitoring:list", operation: "ListMonitoringSchedules" },
    async () => {
      const r = await client().send(new ListMonitoringSchedulesCommand({ MaxResults: 100 }));
      return (r.MonitoringScheduleSummaries ?? []).map((m) => m.MonitoringScheduleName ?? "").filter(Boolean);
    },
  );
  return Promise.all(
    names.map((name) =>
      sagemakerRead(
        { key: `maturity:monitoring:${name}`, operation: "DescribeMonitoringSchedule" },
        async () => {
          const d = await client().send(
            new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: name }),
          );
          const last = d.LastMonitoringExecutionSummary;
          return {
            name,
            endpointName: d.EndpointName,
            status: d.MonitoringScheduleStatus ?? "Pending",
            type: d.MonitoringType,
            lastRun: last
              ? {
                  status: last.MonitoringExecutionStatus ?? "Pending",
                  at: (last.ScheduledTime ?? last.CreationTime)?.getTime() ?? 0,
                }
              : undefined,
            scheduleExpression: d.MonitoringScheduleConfig?.ScheduleConfig?.ScheduleExpression,
          };
        },
      ),
    ),
  );
}

export interface ProjectRecord {
  name: string;
  id: string;
  arn: string;
  status: string;
  createdAt: number;
  productId?: string;
}

/** Every SageMaker Project (one page of 100), each described for its template (product id). */
export async function listProjectsDetailed(): Promise<ProjectRecord[]> {
  const list = await sagemakerRead({ key: "maturity:projects:list", operation: "ListProjects" }, async () => {
    const r = await client().send(new ListProjectsCommand({ MaxResults: 100 }));
    return (r.ProjectSummaryList ?? []).map((p) => p.ProjectName ?? "").filter(Boolean);
  });
  return Promise.all(
    list.map((name) =>
      sagemakerRead({ key: `maturity:project:${name}`, operation: "DescribeProject" }, async () => {
        const d = await client().send(new DescribeProjectCommand({ ProjectName: name }));
        return {
          name,
          id: d.ProjectId ?? "",
          arn: d.ProjectArn ?? "",
          status: d.ProjectStatus ?? "Pending",
          createdAt: d.CreationTime?.getTime() ?? 0,
          productId: d.ServiceCatalogProvisioningDetails?.ProductId,
        };
      }),
    ),
  );
}

/** Whether an endpoint config captures data (DescribeEndpointConfig). */
export async function configCapturesData(configName: string): Promise<boolean> {
  return sagemakerRead(
    { key: `maturity:config-capture:${configName}`, operation: "DescribeEndpointConfig" },
    async () => {
      const r = await client().send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName }));
      return r.DataCaptureConfig?.EnableCapture === true;
    },
  );
}
