/** DescribeLogGroups, DescribeLogStreams, GetLogEvents and FilterLogEvents over the jobs' computed streams. */
import type { JsonObject } from "../core/json";
import { ingestion, type LogsCtx } from "./common";
import { groupNotFound, invalid } from "./errors";
import { catalogOf } from "./sources";
import { streamsOf, type LogStream } from "./streams";
import {
  GROUP_NAME,
  STREAM_NAME,
  groupArn,
  groupOf,
  offsetOf,
  optBool,
  optInt,
  optString,
  tokenAt,
} from "./input";

export function describeLogGroups(input: JsonObject, c: LogsCtx): JsonObject {
  const prefix = optString(input, "logGroupNamePrefix", 512, GROUP_NAME);
  const pattern = typeof input.logGroupNamePattern === "string" ? input.logGroupNamePattern : undefined;
  const limit = optInt(input, "limit", 1, 50) ?? 50;
  if (prefix !== undefined && pattern !== undefined)
    throw invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
  const catalog = catalogOf(c.state);
  const names = [...catalog.groups.keys()]
    .filter(
      (g) =>
        (prefix === undefined || g.startsWith(prefix)) &&
        (!pattern || g.toLowerCase().includes(pattern.toLowerCase())),
    )
    .sort();
  const query = { op: "DescribeLogGroups", prefix, pattern };
  const offset = offsetOf(optString(input, "nextToken", 4096), query);
  const page = names.slice(offset, offset + limit);
  return {
    logGroups: page.map((g) => {
      const first = catalog.groups.get(g)?.[0];
      const arn = groupArn(c.account, g);
      return {
        logGroupName: g,
        creationTime: Math.floor((first?.start ?? 0) * 1000),
        metricFilterCount: 0,
        arn: `${arn}:*`,
        logGroupArn: arn,
        storedBytes: 0,
        logGroupClass: "STANDARD",
      };
    }),
    ...(offset + page.length < names.length ? { nextToken: tokenAt(offset + page.length, query) } : {}),
  };
}

function describeStream(s: LogStream, c: LogsCtx): JsonObject {
  const n = s.visible(c.nowMs);
  return {
    logStreamName: s.name,
    creationTime: Math.floor(s.created * 1000),
    ...(n > 0
      ? {
          firstEventTimestamp: s.time(0),
          lastEventTimestamp: s.time(n - 1),
          lastIngestionTime: ingestion(s, n - 1),
        }
      : {}),
    arn: `${groupArn(c.account, s.group)}:log-stream:${s.name}`,
    storedBytes: 0,
  };
}

const name = (r: JsonObject) => (typeof r.logStreamName === "string" ? r.logStreamName : "");

export function describeLogStreams(input: JsonObject, c: LogsCtx): JsonObject {
  const group = groupOf(input, c.account, true) ?? "";
  const prefix = optString(input, "logStreamNamePrefix", 512, STREAM_NAME);
  const orderBy = input.orderBy === undefined ? "LogStreamName" : input.orderBy;
  if (orderBy !== "LogStreamName" && orderBy !== "LastEventTime")
    throw invalid(
      `1 validation error detected: Value '${JSON.stringify(orderBy)}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]`,
    );
  const descending = optBool(input, "descending") ?? false;
  const limit = optInt(input, "limit", 1, 50) ?? 50;
  if (orderBy === "LastEventTime" && prefix !== undefined)
    throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
  const streams = streamsOf(c.state, group, c.nowMs);
  if (!streams) throw groupNotFound();
  const rows = streams
    .filter((s) => prefix === undefined || s.name.startsWith(prefix))
    .map((s) => describeStream(s, c));
  const key = (r: JsonObject): string | number =>
    orderBy === "LastEventTime" ? ((r.lastEventTimestamp as number | undefined) ?? 0) : name(r);
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const d = ka < kb ? -1 : ka > kb ? 1 : name(a) < name(b) ? -1 : 1;
    return descending ? -d : d;
  });
  const query = { op: "DescribeLogStreams", group, prefix, orderBy, descending };
  const offset = offsetOf(optString(input, "nextToken", 4096), query);
  const page = rows.slice(offset, offset + limit);
  return {
    logStreams: page,
    ...(offset + page.length < rows.length ? { nextToken: tokenAt(offset + page.length, query) } : {}),
  };
}
