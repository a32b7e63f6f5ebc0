/** Monitoring schedules and executions as the emulator stores them, and their shared limits. */
import { notFound } from "../../core/errors";
import { arn } from "../../core/arn";
import { defineCollection } from "../../core/state";
import { type JsonObject } from "../../core/json";

export interface ScheduleRecord extends JsonObject {
  MonitoringScheduleArn: string;
  MonitoringScheduleName: string;
  MonitoringScheduleStatus: string;
  CreationTime: number;
  LastModifiedTime: number;
}
export interface ExecutionRecord extends JsonObject {
  MonitoringScheduleName: string;
  ScheduledTime: number;
  CreationTime: number;
  LastModifiedTime: number;
  MonitoringExecutionStatus: string;
}

export const schedules = defineCollection<ScheduleRecord>("monitoring.schedules");
/** keyed by `<schedule-lower>/<scheduled time>` */
export const executions = defineCollection<ExecutionRecord>("monitoring.executions");

export const TYPES = ["DataQuality", "ModelQuality", "ModelBias", "ModelExplainability"] as const;
export const SCHEDULE_STATUS = ["Pending", "Failed", "Scheduled", "Stopped"] as const;
export const EXECUTION_STATUS = [
  "Pending",
  "Completed",
  "CompletedWithViolations",
  "InProgress",
  "Failed",
  "Stopping",
  "Stopped",
] as const;
export const NAME = {
  required: true,
  min: 1,
  max: 63,
  pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
  patternText: "^[a-zA-Z0-9]([-a-zA-Z0-9]){0,62}",
};
export const missing = (name: string) =>
  notFound(`Monitoring schedule ${arn("monitoring-schedule", name)} does not exist.`);
