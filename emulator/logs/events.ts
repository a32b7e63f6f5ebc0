/** GetLogEvents (forward/backward tokens exactly as the service answers them) and FilterLogEvents. */
import { hash32 } from "../core/clock";
import type { JsonObject } from "../core/json";
import { eventBytes, ingestion, MAX_BYTES, streamOf, type LogsCtx } from "./common";
import { groupNotFound, invalid } from "./errors";
import { matches, parseFilterPattern } from "./filter";
import { groupOf, offsetOf, optBool, optInt, optString, STREAM_NAME, tokenAt } from "./input";
import { findStream, groupExists, streamsOf, type LogStream } from "./streams";
import { decodeStreamToken, encodeStreamToken } from "./tokens";

function optTime(input: JsonObject, key: string): number | undefined {
  const v = input[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
    throw invalid(
      `1 validation error detected: Value '${JSON.stringify(v)}' at '${key}' failed to satisfy constraint: Member must have value greater than or equal to 0`,
    );
  return v;
}

export function getLogEvents(input: JsonObject, c: LogsCtx): JsonObject {
  const s = streamOf(input, c);
  const limit = optInt(input, "limit", 1, 10_000) ?? 10_000;
  const fromHead = optBool(input, "startFromHead") ?? false;
  const startTime = optTime(input, "startTime");
  const endTime = optTime(input, "endTime");
  const token = optString(input, "nextToken", 4096);
  optBool(input, "unmask");
  const n = s.visible(c.nowMs);
  const lo = startTime !== undefined ? Math.min(n, s.firstAtOrAfter(startTime)) : 0;
  const hi = endTime !== undefined ? Math.min(n, s.firstAtOrAfter(endTime)) : n;
  const t = token !== undefined ? decodeStreamToken(s.name, token) : undefined;
  const forward = t ? t.direction === "f" : fromHead;
  const anchor = t ? Math.min(t.position, n) : forward ? lo : hi;
  const picked: number[] = [];
  let bytes = 0;
  const take = (i: number) => {
    const size = eventBytes(s.message(i));
    if (picked.length >= limit || (picked.length > 0 && bytes + size > MAX_BYTES)) return false;
    bytes += size;
    picked.push(i);
    return true;
  };
  if (forward) for (let i = Math.max(anchor, lo); i < hi && take(i); i++);
  else for (let i = Math.min(anchor, hi) - 1; i >= lo && take(i); i--);
  picked.sort((a, b) => a - b);
  const first = picked[0];
  const last = picked[picked.length - 1];
  const at = t ? anchor : forward ? Math.max(anchor, lo) : Math.min(anchor, hi);
  return {
    events: picked.map((i) => ({
      timestamp: s.time(i),
      message: s.message(i),
      ingestionTime: ingestion(s, i),
    })),
    // at either end the token passed in comes back unchanged
    nextForwardToken:
      last !== undefined
        ? encodeStreamToken(s.name, "f", last + 1)
        : t?.direction === "f" && token
          ? token
          : encodeStreamToken(s.name, "f", at),
    nextBackwardToken:
      first !== undefined
        ? encodeStreamToken(s.name, "b", first)
        : t?.direction === "b" && token
          ? token
          : encodeStreamToken(s.name, "b", at),
  };
}

const eventId = (s: LogStream, i: number) =>
  `${String(hash32(s.name)).padStart(10, "0")}${String(i).padStart(46, "0")}`;

function streamNames(input: JsonObject): string[] | undefined {
  const v = input.logStreamNames;
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length < 1 || v.length > 100 || v.some((x) => typeof x !== "string"))
    throw invalid(
      "1 validation error detected: Value at 'logStreamNames' failed to satisfy constraint: Member must have length between 1 and 100",
    );
  return v as string[];
}

export function filterLogEvents(input: JsonObject, c: LogsCtx): JsonObject {
  const group = groupOf(input, c.account, true) ?? "";
  const names = streamNames(input);
  const prefix = optString(input, "logStreamNamePrefix", 512, STREAM_NAME);
  if (names && prefix !== undefined)
    throw invalid("You cannot specify both logStreamNames and logStreamNamePrefix.");
  const filterPattern = typeof input.filterPattern === "string" ? input.filterPattern : undefined;
  if (filterPattern !== undefined && filterPattern.length > 1024)
    throw invalid(
      "1 validation error detected: Value at 'filterPattern' failed to satisfy constraint: Member must have length less than or equal to 1024",
    );
  const pattern = parseFilterPattern(filterPattern);
  const startTime = optTime(input, "startTime");
  const endTime = optTime(input, "endTime");
  const limit = optInt(input, "limit", 1, 10_000) ?? 10_000;
  optBool(input, "interleaved");
  optBool(input, "unmask");
  if (!groupExists(c.state, group)) throw groupNotFound();
  const streams = names
    ? names.map((n) => findStream(c.state, group, n, c.nowMs)).filter((s): s is LogStream => s !== undefined)
    : (streamsOf(c.state, group, c.nowMs) ?? []).filter(
        (s) => prefix === undefined || s.name.startsWith(prefix),
      );
  const hits: { t: number; k: number; i: number }[] = [];
  streams.forEach((s, k) => {
    const n = s.visible(c.nowMs);
    const from = startTime !== undefined ? s.firstAtOrAfter(startTime) : 0;
    for (let i = from; i < n; i++) {
      const t = s.time(i);
      if (endTime !== undefined && t > endTime) break;
      if (matches(pattern, s.message(i))) hits.push({ t, k, i });
    }
  });
  hits.sort((a, b) => a.t - b.t || a.k - b.k || a.i - b.i);
  const query = { op: "FilterLogEvents", group, names, prefix, filterPattern, startTime, endTime };
  const offset = offsetOf(optString(input, "nextToken", 4096), query);
  const events: JsonObject[] = [];
  let bytes = 0;
  for (let j = offset; j < hits.length && events.length < limit; j++) {
    const h = hits[j];
    const s = h ? streams[h.k] : undefined;
    if (!h || !s) break;
    const message = s.message(h.i);
    if (events.length > 0 && bytes + eventBytes(message) > MAX_BYTES) break;
    bytes += eventBytes(message);
    events.push({
      logStreamName: s.name,
      timestamp: h.t,
      message,
      ingestionTime: ingestion(s, h.i),
      eventId: eventId(s, h.i),
    });
  }
  const next = offset + events.length;
  return {
    events,
    searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
    ...(next < hits.length ? { nextToken: tokenAt(next, query) } : {}),
  };
}
