/**
 * Monitoring schedules and executions: Create/Describe/List/Start/Stop/Delete schedules,
 * ListMonitoringExecutions, and the internal _PutMonitoringExecution for seeding (reference §1.5).
 */
import { defineOperation } from "../../core/registry";
import { Validator, SORT_ORDER } from "../../core/validate";
import { validation, notFound, inUse } from "../../core/errors";
import { arn } from "../../core/arn";
import { parseTags, addTags, tagStore } from "../../core/tags";
import { paginate, sortRecords, inTimeRange } from "../../core/paginate";
import { defineCollection } from "../../core/state";
import { isObject, type JsonObject, copy, obj, str } from "../../core/json";
import { listPage } from "../../core/list";

interface ScheduleRecord extends JsonObject {
  MonitoringScheduleArn: string;
  MonitoringScheduleName: string;
  MonitoringScheduleStatus: string;
  CreationTime: number;
  LastModifiedTime: number;
}
interface ExecutionRecord extends JsonObject {
  MonitoringScheduleName: string;
  ScheduledTime: number;
  CreationTime: number;
  LastModifiedTime: number;
  MonitoringExecutionStatus: string;
}

const schedules = defineCollection<ScheduleRecord>("monitoring.schedules");
/** keyed by `<schedule-lower>/<scheduled time>` */
const executions = defineCollection<ExecutionRecord>("monitoring.executions");

const TYPES = ["DataQuality", "ModelQuality", "ModelBias", "ModelExplainability"] as const;
const SCHEDULE_STATUS = ["Pending", "Failed", "Scheduled", "Stopped"] as const;
const EXECUTION_STATUS = [
  "Pending",
  "Completed",
  "CompletedWithViolations",
  "InProgress",
  "Failed",
  "Stopping",
  "Stopped",
] as const;
const NAME = {
  required: true,
  min: 1,
  max: 63,
  pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
  patternText: "^[a-zA-Z0-9]([-a-zA-Z0-9]){0,62}",
};
const missing = (name: string) =>
  notFound(`Monitoring schedule ${arn("monitoring-schedule", name)} does not exist.`);

function endpointOf(config: JsonObject | undefined): string | undefined {
  const def = obj(config?.MonitoringJobDefinition);
  const inputs = def && Array.isArray(def.MonitoringInputs) ? def.MonitoringInputs : [];
  for (const i of inputs) if (isObject(i)) return str(obj(i.EndpointInput)?.EndpointName);
  return undefined;
}

defineOperation("CreateMonitoringSchedule", (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("MonitoringScheduleName", NAME);
  const config = v.object("MonitoringScheduleConfig", { required: true });
  if (config) {
    const sc = v.object("ScheduleConfig", {}, config, "MonitoringScheduleConfig.ScheduleConfig");
    if (sc)
      v.string(
        "ScheduleExpression",
        { required: true, min: 1, max: 512 },
        sc,
        "MonitoringScheduleConfig.ScheduleConfig.ScheduleExpression",
      );
    v.string(
      "MonitoringJobDefinitionName",
      { min: 1, max: 63 },
      config,
      "MonitoringScheduleConfig.MonitoringJobDefinitionName",
    );
    v.string("MonitoringType", { enum: TYPES }, config, "MonitoringScheduleConfig.MonitoringType");
  }
  v.done();
  const tags = parseTags(input.Tags);
  if (
    config &&
    config.MonitoringJobDefinition === undefined &&
    config.MonitoringJobDefinitionName === undefined
  )
    throw validation("Either MonitoringJobDefinition or MonitoringJobDefinitionName must be provided.");
  const scheduleArn = arn("monitoring-schedule", name ?? "");
  if (schedules(ctx.state).has((name ?? "").toLowerCase()))
    throw inUse(`Monitoring schedule ${scheduleArn} already exists.`);
  const now = ctx.now();
  const endpoint = endpointOf(config);
  const record: ScheduleRecord = {
    MonitoringScheduleArn: scheduleArn,
    MonitoringScheduleName: name ?? "",
    MonitoringScheduleStatus: "Scheduled",
    MonitoringType: str(config?.MonitoringType) ?? "DataQuality",
    CreationTime: now,
    LastModifiedTime: now,
    MonitoringScheduleConfig: copy(config ?? {}),
    ...(endpoint !== undefined ? { EndpointName: endpoint } : {}),
  };
  schedules(ctx.state).set((name ?? "").toLowerCase(), record);
  addTags(ctx.state, scheduleArn, tags);
  return { MonitoringScheduleArn: scheduleArn };
});

const scheduleName = (input: JsonObject) => {
  const v = new Validator(input);
  const name = v.string("MonitoringScheduleName", NAME);
  v.done();
  return name ?? "";
};

function latestSummary(state: Parameters<typeof executions>[0], s: ScheduleRecord): JsonObject | undefined {
  let best: ExecutionRecord | undefined;
  const prefix = `${s.MonitoringScheduleName.toLowerCase()}/`;
  for (const [k, e] of executions(state).entries())
    if (k.startsWith(prefix) && (!best || e.ScheduledTime > best.ScheduledTime)) best = e;
  return best ? copy(best) : undefined;
}

defineOperation("DescribeMonitoringSchedule", (input, ctx) => {
  const name = scheduleName(input);
  const s = schedules(ctx.state).get(name.toLowerCase());
  if (!s) throw missing(name);
  const out: JsonObject = copy(s);
  const last = latestSummary(ctx.state, s);
  if (last) out.LastMonitoringExecutionSummary = last;
  return out;
});

function setStatus(
  input: JsonObject,
  ctx: Parameters<Parameters<typeof defineOperation>[1]>[1],
  status: string,
) {
  const name = scheduleName(input);
  const s = schedules(ctx.state).get(name.toLowerCase());
  if (!s) throw missing(name);
  schedules(ctx.state).set(name.toLowerCase(), {
    ...s,
    MonitoringScheduleStatus: status,
    LastModifiedTime: ctx.now(),
  });
  return {};
}
defineOperation("StartMonitoringSchedule", (input, ctx) => setStatus(input, ctx, "Scheduled"));
defineOperation("StopMonitoringSchedule", (input, ctx) => setStatus(input, ctx, "Stopped"));

defineOperation("DeleteMonitoringSchedule", (input, ctx) => {
  const name = scheduleName(input);
  const s = schedules(ctx.state).get(name.toLowerCase());
  if (!s) throw missing(name);
  schedules(ctx.state).delete(name.toLowerCase());
  tagStore(ctx.state).delete(s.MonitoringScheduleArn);
  const prefix = `${name.toLowerCase()}/`;
  for (const k of [...executions(ctx.state).keys()])
    if (k.startsWith(prefix)) executions(ctx.state).delete(k);
  return {};
});

defineOperation("ListMonitoringSchedules", (input, ctx) => {
  const v = new Validator(input);
  const endpoint = v.string("EndpointName", { max: 63 });
  const jobDef = v.string("MonitoringJobDefinitionName", { max: 63 });
  const type = v.string("MonitoringTypeEquals", { enum: TYPES });
  const page = listPage<ScheduleRecord>(input, schedules(ctx.state).values(), {
    validator: v,
    sortKeys: {
      Name: (s) => s.MonitoringScheduleName,
      CreationTime: (s) => s.CreationTime,
      Status: (s) => s.MonitoringScheduleStatus,
    },
    defaultSortBy: "CreationTime",
    defaultOrder: "Descending",
    name: (s) => s.MonitoringScheduleName,
    creationTime: (s) => s.CreationTime,
    lastModifiedTime: (s) => s.LastModifiedTime,
    status: (s) => s.MonitoringScheduleStatus,
    statusEnum: SCHEDULE_STATUS,
    filter: (s) =>
      (endpoint === undefined || s.EndpointName === endpoint) &&
      (type === undefined || s.MonitoringType === type) &&
      (jobDef === undefined || obj(s.MonitoringScheduleConfig)?.MonitoringJobDefinitionName === jobDef),
    query: { endpoint, type, jobDef },
  });
  return {
    MonitoringScheduleSummaries: page.items.map((s) => ({
      MonitoringScheduleName: s.MonitoringScheduleName,
      MonitoringScheduleArn: s.MonitoringScheduleArn,
      CreationTime: s.CreationTime,
      LastModifiedTime: s.LastModifiedTime,
      MonitoringScheduleStatus: s.MonitoringScheduleStatus,
      EndpointName: s.EndpointName,
      MonitoringJobDefinitionName: obj(s.MonitoringScheduleConfig)?.MonitoringJobDefinitionName,
      MonitoringType: s.MonitoringType,
    })),
    NextToken: page.nextToken,
  };
});

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
