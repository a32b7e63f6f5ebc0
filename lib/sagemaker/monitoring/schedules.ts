/** Model Monitor schedules: one page of 100, each described for its last run and cadence. */
import { DescribeMonitoringScheduleCommand, ListMonitoringSchedulesCommand } from "@aws-sdk/client-sagemaker";
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
