/** What the event operations share: the request's context, the response size bound, finding a stream. */
import type { JsonObject } from "../core/json";
import type { State } from "../core/state";
import { groupNotFound, invalid, streamNotFound } from "./errors";
import { groupOf, optString, STREAM_NAME } from "./input";
import { findStream, groupExists, type LogStream } from "./streams";

export interface LogsCtx {
  state: State;
  account: string;
  /** epoch milliseconds */
  nowMs: number;
}

/** Response size bound of GetLogEvents and FilterLogEvents (1 MB; 26 bytes of overhead per event). */
export const MAX_BYTES = 1_048_576;
export const eventBytes = (m: string) => Buffer.byteLength(m) + 26;
export const ingestion = (s: LogStream, i: number) => s.time(i) + 120 + ((i * 37) % 400);

export function streamOf(input: JsonObject, c: LogsCtx): LogStream {
  const group = groupOf(input, c.account, true) ?? "";
  const name = optString(input, "logStreamName", 512, STREAM_NAME);
  if (name === undefined)
    throw invalid(
      "1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: Member must not be null",
    );
  if (!groupExists(c.state, group)) throw groupNotFound();
  const s = findStream(c.state, group, name, c.nowMs);
  if (!s) throw streamNotFound();
  return s;
}
