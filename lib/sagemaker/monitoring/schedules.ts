/** Model Monitor schedules: one page of 100, each described for its last run and cadence. */
import {
  DescribeMonitoringScheduleCommand,
  ListMonitoringSchedulesCommand,
  type MonitoringSchedule,
} from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

const client = () => getSageMakerClient();

export interface MonitoringRecord {
  name: string;
  endpointName?: string;
  status: string;
  type?: string;
  lastRun?: { status: string; at: number };
  scheduleExpression?: string;
}

/** A schedule as SageDeck shows it, from DescribeMonitoringSchedule or a Search record (the same fields). */
export function toMonitoringRecord(
  m: Pick<
    MonitoringSchedule,
    | "MonitoringScheduleName"
    | "EndpointName"
    | "MonitoringScheduleStatus"
    | "MonitoringType"
    | "LastMonitoringExecutionSummary"
    | "MonitoringScheduleConfig"
  >,
): MonitoringRecord {
  const last = m.LastMonitoringExecutionSummary;
  return {
    name: m.MonitoringScheduleName ?? "",
    endpointName: m.EndpointName,
    status: m.MonitoringScheduleStatus ?? "Pending",
    type: m.MonitoringType,
    lastRun: last
      ? {
          status: last.MonitoringExecutionStatus ?? "Pending",
          at: (last.ScheduledTime ?? last.CreationTime)?.getTime() ?? 0,
        }
      : undefined,
    scheduleExpression: m.MonitoringScheduleConfig?.ScheduleConfig?.ScheduleExpression,
  };
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
          return { ...toMonitoringRecord(d), name };
        },
      ),
    ),
  );
}
