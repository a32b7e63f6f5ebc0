/** Reading CloudWatch Logs input: model constraints reported as the service does (InvalidParameterException). */
import { AwsError } from "../core/errors";
import { decodeToken, encodeToken } from "../core/paginate";
import type { JsonObject } from "../core/json";
import { REGION } from "../core/arn";
import { invalid } from "./errors";

const fail = (value: unknown, at: string, constraint: string) =>
  invalid(
    `1 validation error detected: Value '${String(value)}' at '${at}' failed to satisfy constraint: ${constraint}`,
  );

export function optString(input: JsonObject, key: string, max = 512, pattern?: RegExp): string | undefined {
  const v = input[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw invalid(`Expected a string for ${key}.`);
  if (v.length < 1) throw fail(v, key, "Member must have length greater than or equal to 1");
  if (v.length > max) throw fail(v, key, `Member must have length less than or equal to ${max}`);
  if (pattern && !pattern.test(v))
    throw fail(v, key, `Member must satisfy regular expression pattern: ${pattern.source.slice(1, -1)}`);
  return v;
}

export function optInt(input: JsonObject, key: string, min: number, max: number): number | undefined {
  const v = input[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalid(`Expected an integer for ${key}.`);
  if (v < min) throw fail(v, key, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw fail(v, key, `Member must have value less than or equal to ${max}`);
  return v;
}

export function optBool(input: JsonObject, key: string): boolean | undefined {
  const v = input[key];
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw invalid(`Expected a boolean for ${key}.`);
  return v;
}

export const GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
export const STREAM_NAME = /^[^:*]*$/;

/** The group a request names by `logGroupName` or `logGroupIdentifier` (a name or an ARN of this account). */
export function groupOf(input: JsonObject, account: string, required: boolean): string | undefined {
  const name = optString(input, "logGroupName", 512, GROUP_NAME);
  const id = optString(input, "logGroupIdentifier", 2048);
  if (name !== undefined && id !== undefined)
    throw invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  if (id !== undefined) {
    const m = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+)(:\*)?$/.exec(id);
    if (!m) return id;
    return m[1] === REGION && m[2] === account ? m[3] : `\u0000${id}`;
  }
  if (name === undefined && required)
    throw invalid("Should provide either logGroupName or logGroupIdentifier.");
  return name;
}

/** A signed paging token (core/paginate) in the service's words when it is not one of ours. */
export function offsetOf(token: string | undefined, query: unknown): number {
  try {
    return decodeToken(token, query);
  } catch (err) {
    if (err instanceof AwsError) throw invalid("The specified nextToken is invalid.");
    throw err;
  }
}

export const tokenAt = (offset: number, query: unknown) => encodeToken(offset, query);

export const groupArn = (account: string, group: string) =>
  `arn:aws:logs:${REGION}:${account}:log-group:${group}`;
