/**
 * CloudWatch Logs on the emulator's port: AWS JSON 1.1, `X-Amz-Target: Logs_20140328.<Operation>` (what
 * @aws-sdk/client-cloudwatch-logs and boto3's `logs` client send). Each account sees its own jobs' logs.
 */
import type http from "node:http";
import { newRequestId } from "../core/context";
import { AwsError } from "../core/errors";
import { isObject, type JsonObject } from "../core/json";
import { wallNow } from "../core/clock";
import type { ServerOptions } from "../core/server";
import type { LogsCtx } from "./common";
import { LogsError } from "./errors";
import { filterLogEvents, getLogEvents } from "./events";
import { describeLogGroups, describeLogStreams } from "./operations";

const PREFIX = "Logs_20140328.";
const OPERATIONS: Record<string, (input: JsonObject, c: LogsCtx) => JsonObject> = {
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
};

export function isLogsRequest(req: http.IncomingMessage): boolean {
  const target = req.headers["x-amz-target"];
  return typeof target === "string" && target.startsWith(PREFIX);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function answer(req: http.IncomingMessage, op: string, opts: ServerOptions): Promise<JsonObject> {
  const handler = OPERATIONS[op];
  if (!handler)
    throw new LogsError(
      "UnknownOperationException",
      `The operation ${op} is not supported by this emulator.`,
    );
  if (!req.headers.authorization)
    throw new LogsError("MissingAuthenticationTokenException", "Missing Authentication Token");
  const emu = opts.emulator;
  let caller;
  try {
    caller = emu.callerOf(req.headers.authorization, req.headers["x-amz-security-token"]);
  } catch (err) {
    if (err instanceof AwsError) throw new LogsError(err.code, err.message, err.status);
    throw err;
  }
  // faults only through an explicit `logs:<Operation>` (never `*`, which stays SageMaker's)
  if (emu.faults.names(`logs:${op}`, caller.account)) {
    try {
      await emu.faults.apply(`logs:${op}`, Math.random, caller.account);
    } catch (err) {
      if (err instanceof AwsError) throw new LogsError(err.code, err.message, err.status);
      throw err;
    }
  }
  const text = await readBody(req);
  let input: unknown;
  try {
    input = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new LogsError("SerializationException", "Start of structure or map found where not expected.");
  }
  if (!isObject(input))
    throw new LogsError("SerializationException", "Expected a JSON object as the request body.");
  const body = input;
  return emu.exclusive(() =>
    handler(body, {
      state: emu.stateOf(caller.account),
      account: caller.account,
      nowMs: Math.floor(wallNow() * 1000),
    }),
  );
}

/** Answers one CloudWatch Logs request; returns the operation and status for the request log. */
export async function handleLogs(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: ServerOptions,
): Promise<{ operation: string; status: number }> {
  const requestId = newRequestId();
  const op = String(req.headers["x-amz-target"]).slice(PREFIX.length);
  let status = 200;
  let body: JsonObject;
  try {
    body = await answer(req, op, opts);
    opts.emulator.stats.record(`logs:${op}`, true);
  } catch (err) {
    const e =
      err instanceof LogsError
        ? err
        : new LogsError("ServiceUnavailableException", "The service cannot complete the request.", 500);
    if (!(err instanceof LogsError)) console.error(`[emulator] logs ${requestId}`, err);
    status = e.status;
    body = { __type: e.code, message: e.message };
    opts.emulator.stats.record(`logs:${op}`, false);
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/x-amz-json-1.1",
    "Content-Length": Buffer.byteLength(text),
    "x-amzn-RequestId": requestId,
    ...(status >= 300 ? { "x-amzn-ErrorType": typeof body.__type === "string" ? body.__type : "Error" } : {}),
    Date: new Date().toUTCString(),
  });
  res.end(text);
  opts.observer?.observe(`logs:${op}`, status, body);
  return { operation: `logs:${op}`, status };
}
