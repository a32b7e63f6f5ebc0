import http from "node:http";
import { AwsError } from "./errors";
import { newRequestId } from "./context";
import { isObject } from "./json";
import type { Emulator } from "./emulator";
import { handleControl } from "./control";
import { handleSts, isStsRequest } from "../sts/http";
import type { ResponseObserver } from "./observer";
import { handleS3 } from "../s3/rest";
import { handleLogs, isLogsRequest } from "../logs/http";

const JSON_11 = "application/x-amz-json-1.1";

/**
 * The JSON 1.1 services on this port, by X-Amz-Target prefix, and the prefix their operations are registered
 * under (SageMaker's unprefixed; emulator/codepipeline/, emulator/autoscaling/). `lowerMessage`: the service's
 * error shapes define no `Message`, so errors carry only `message`.
 */
const SERVICES: { target: string; prefix: string; lowerMessage?: true }[] = [
  { target: "SageMaker.", prefix: "" },
  { target: "CodePipeline_20150709.", prefix: "codepipeline:", lowerMessage: true },
  { target: "AnyScaleFrontendService.", prefix: "application-autoscaling:" },
];

/** `SageMaker.ListPipelines` → `ListPipelines`; `CodePipeline_20150709.ListPipelines` → `codepipeline:ListPipelines`. */
export function operationOfTarget(target: unknown): string {
  if (typeof target !== "string") return "";
  const service = SERVICES.find((s) => target.startsWith(s.target) && target.length > s.target.length);
  return service ? `${service.prefix}${target.slice(service.target.length)}` : "";
}

export interface ServerOptions {
  emulator: Emulator;
  /** reseeds the state (used by /_emulator/reset) */
  reset: () => Promise<void>;
  log?: (line: string) => void;
  /** sees every SageMaker answer (not control routes) */
  observer?: ResponseObserver;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  extra: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": JSON_11,
    "Content-Length": Buffer.byteLength(text),
    "x-amzn-RequestId": requestId,
    Date: new Date().toUTCString(),
    ...extra,
  });
  res.end(text);
}

function sendError(
  res: http.ServerResponse,
  err: unknown,
  requestId: string,
  observe: (status: number, body: unknown) => void = () => undefined,
  operation = "",
): number {
  const e =
    err instanceof AwsError
      ? err
      : new AwsError(
          "InternalFailure",
          "The request processing has failed because of an unknown error.",
          500,
        );
  if (!(err instanceof AwsError)) console.error(`[emulator] ${requestId}`, err);
  const lower = SERVICES.some((s) => s.lowerMessage && operation.startsWith(s.prefix));
  const body = lower
    ? { __type: e.code, message: e.message }
    : { __type: e.code, message: e.message, Message: e.message };
  send(res, e.status, body, requestId, { "x-amzn-ErrorType": e.code });
  observe(e.status, body);
  return e.status;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

export function createServer(opts: ServerOptions): http.Server {
  const log = opts.log ?? ((line: string) => console.log(line));
  return http.createServer((req, res) => {
    const started = performance.now();
    const requestId = newRequestId();
    const url = req.url ?? "/";
    void (async () => {
      if (url.startsWith("/_emulator/")) {
        if (!isLoopback(req.socket.remoteAddress)) {
          send(res, 403, { error: "The control API answers only on loopback." }, requestId);
          return;
        }
        await handleControl(req, res, await readBody(req), opts);
        return;
      }
      // S3's REST API (path-style) on the same port: every method but POST (emulator/s3/)
      if (req.method !== "POST") {
        const s3 = await handleS3(req, res, opts.emulator);
        log(`${s3.operation} ${s3.status} ${Math.round(performance.now() - started)}ms`);
        return;
      }
      // STS (AWS Query protocol: form-encoded POST / without X-Amz-Target) on the same port (emulator/sts/)
      if (isStsRequest(req)) {
        const sts = await handleSts(req, res, opts);
        log(`${sts.operation} ${sts.status} ${Math.round(performance.now() - started)}ms`);
        return;
      }
      // CloudWatch Logs (JSON 1.1, X-Amz-Target Logs_20140328.<Operation>) on the same port (emulator/logs/)
      if (isLogsRequest(req)) {
        const logs = await handleLogs(req, res, opts);
        log(`${logs.operation} ${logs.status} ${Math.round(performance.now() - started)}ms`);
        return;
      }
      const target = req.headers["x-amz-target"];
      const operation = operationOfTarget(target);
      let status = 200;
      const observe = (code: number, body: unknown) => opts.observer?.observe(operation, code, body);
      try {
        if (req.method !== "POST" || url.split("?")[0] !== "/")
          throw new AwsError(
            "UnknownOperationException",
            "Only POST / with an X-Amz-Target header is supported.",
            404,
          );
        if (!operation)
          throw new AwsError(
            "UnknownOperationException",
            `Unknown or missing X-Amz-Target header${typeof target === "string" ? `: ${target}` : ""}.`,
          );
        if (!req.headers.authorization)
          throw new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token", 400);
        const text = await readBody(req);
        let input: unknown;
        try {
          input = text.trim() === "" ? {} : JSON.parse(text);
        } catch {
          throw new AwsError("SerializationException", "Start of structure or map found where not expected.");
        }
        if (!isObject(input))
          throw new AwsError("SerializationException", "Expected a JSON object as the request body.");
        const out = await opts.emulator.invoke(
          operation,
          input,
          req.headers.authorization,
          req.headers["x-amz-security-token"],
        );
        send(res, 200, out, requestId);
        observe(200, out);
      } catch (err) {
        status = sendError(res, err, requestId, observe, operation);
      } finally {
        log(`${operation || "-"} ${status} ${Math.round(performance.now() - started)}ms`);
      }
    })().catch((err: unknown) => {
      if (!res.headersSent) sendError(res, err, requestId);
    });
  });
}
