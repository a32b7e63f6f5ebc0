/**
 * Monitoring schedules: Create/Describe/List/Start/Stop/Delete (reference §1.5); executions are in executions.ts.
 */
import { defineOperation } from "../../core/registry";
import { Validator } from "../../core/validate";
import { validation, inUse } from "../../core/errors";
import { arn } from "../../core/arn";
import { parseTags, addTags, getTags, tagStore } from "../../core/tags";
import { isObject, type JsonObject, copy, obj, str } from "../../core/json";
import { listPage } from "../../core/list";
import type { ScheduleRecord, ExecutionRecord } from "./records";
import { schedules, executions, TYPES, SCHEDULE_STATUS, NAME, missing } from "./records";

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

/**
 * The schedules monitoring an endpoint, as Search over Endpoint returns them (`Endpoint.MonitoringSchedules`:
 * the MonitoringSchedule shape — DescribeMonitoringSchedule's fields with the last execution and Tags).
 */
export function schedulesOfEndpoint(state: Parameters<typeof schedules>[0], endpoint: string): JsonObject[] {
  const out: JsonObject[] = [];
  for (const s of schedules(state).values()) {
    if (s.EndpointName !== endpoint) continue;
    const rec: JsonObject = copy(s);
    const last = latestSummary(state, s);
    if (last) rec.LastMonitoringExecutionSummary = last;
    rec.Tags = getTags(state, s.MonitoringScheduleArn);
    out.push(rec);
  }
  return out;
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
