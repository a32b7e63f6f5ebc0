/** ListMonitoringExecutions, and the internal _PutMonitoringExecution for seeding (reference §1.5). */
import { defineOperation } from "../../core/registry";
import { Validator, SORT_ORDER } from "../../core/validate";
import { arn } from "../../core/arn";
import { paginate, sortRecords, inTimeRange } from "../../core/paginate";
import { copy, obj, str } from "../../core/json";
import type { ExecutionRecord } from "./records";
import { schedules, executions, TYPES, EXECUTION_STATUS, missing } from "./records";

defineOperation("ListMonitoringExecutions", (input, ctx) => {
  const v = new Validator(input);
  const schedule = v.string("MonitoringScheduleName", { max: 63 });
  const endpoint = v.string("EndpointName", { max: 63 });
  const sortBy = v.string("SortBy", { enum: ["CreationTime", "ScheduledTime", "Status"] }) ?? "ScheduledTime";
  const order = (v.string("SortOrder", { enum: SORT_ORDER }) ?? "Descending") as "Ascending" | "Descending";
  const max = v.maxResults();
  v.string("NextToken", { max: 8192 });
  const sAfter = v.timestamp("ScheduledTimeAfter");
  const sBefore = v.timestamp("ScheduledTimeBefore");
  const cAfter = v.timestamp("CreationTimeAfter");
  const cBefore = v.timestamp("CreationTimeBefore");
  const mAfter = v.timestamp("LastModifiedTimeAfter");
  const mBefore = v.timestamp("LastModifiedTimeBefore");
  const status = v.string("StatusEquals", { enum: EXECUTION_STATUS });
  const type = v.string("MonitoringTypeEquals", { enum: TYPES });
  const jobDef = v.string("MonitoringJobDefinitionName", { max: 63 });
  v.done();
  const items = [...executions(ctx.state).values()].filter(
    (e) =>
      (schedule === undefined || e.MonitoringScheduleName.toLowerCase() === schedule.toLowerCase()) &&
      (endpoint === undefined || e.EndpointName === endpoint) &&
      (status === undefined || e.MonitoringExecutionStatus === status) &&
      (type === undefined || e.MonitoringType === type) &&
      (jobDef === undefined || e.MonitoringJobDefinitionName === jobDef) &&
      (sAfter === undefined && sBefore === undefined
        ? true
        : inTimeRange(e.ScheduledTime, sAfter, sBefore)) &&
      (cAfter === undefined && cBefore === undefined ? true : inTimeRange(e.CreationTime, cAfter, cBefore)) &&
      (mAfter === undefined && mBefore === undefined
        ? true
        : inTimeRange(e.LastModifiedTime, mAfter, mBefore)),
  );
  const keyOf = {
    CreationTime: (e: ExecutionRecord) => e.CreationTime,
    ScheduledTime: (e: ExecutionRecord) => e.ScheduledTime,
    Status: (e: ExecutionRecord) => e.MonitoringExecutionStatus,
  }[sortBy as "CreationTime" | "ScheduledTime" | "Status"];
  sortRecords(
    items,
    keyOf,
    order,
    (e) => `${e.MonitoringScheduleName}/${String(e.ScheduledTime).padStart(12, "0")}`,
  );
  const token = typeof input.NextToken === "string" ? input.NextToken : undefined;
  const page = paginate(items, token, max, {
    schedule,
    endpoint,
    sortBy,
    order,
    sAfter,
    sBefore,
    cAfter,
    cBefore,
    mAfter,
    mBefore,
    status,
    type,
    jobDef,
  });
  return { MonitoringExecutionSummaries: page.items.map((e) => copy(e)), NextToken: page.nextToken };
});

/** Seeding: records one monitoring execution of a schedule (no public API creates them). */
defineOperation("_PutMonitoringExecution", (input, ctx) => {
  const name = str(input.MonitoringScheduleName) ?? "";
  const s = schedules(ctx.state).get(name.toLowerCase());
  if (!s) throw missing(name);
  const scheduled = typeof input.ScheduledTime === "number" ? input.ScheduledTime : ctx.now();
  const status = str(input.MonitoringExecutionStatus) ?? "Completed";
  const job = `model-monitoring-${Math.floor(scheduled)}-${s.MonitoringScheduleName.slice(0, 20).toLowerCase().replace(/-+$/, "")}`;
  const rec: ExecutionRecord = {
    MonitoringScheduleName: s.MonitoringScheduleName,
    ScheduledTime: scheduled,
    CreationTime: scheduled,
    LastModifiedTime: ctx.now(),
    MonitoringExecutionStatus: status,
    ProcessingJobArn: arn("processing-job", job),
    ...(typeof s.EndpointName === "string" ? { EndpointName: s.EndpointName } : {}),
    ...(str(input.FailureReason) !== undefined ? { FailureReason: str(input.FailureReason) } : {}),
    MonitoringType: s.MonitoringType,
  };
  const jd = obj(s.MonitoringScheduleConfig)?.MonitoringJobDefinitionName;
  if (typeof jd === "string") rec.MonitoringJobDefinitionName = jd;
  executions(ctx.state).set(`${s.MonitoringScheduleName.toLowerCase()}/${scheduled}`, rec);
  return {};
});
