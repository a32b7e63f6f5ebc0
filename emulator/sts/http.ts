/**
 * STS on the emulator's port. The SDKs send STS to the configured endpoint as `POST /` with a form-encoded body
 * (`Content-Type: application/x-www-form-urlencoded`, no `X-Amz-Target`), signed for the service `sts`.
 */
import type http from "node:http";
import { newRequestId } from "../core/context";
import { AwsError } from "../core/errors";
import { CredentialsError, resolveCaller } from "../core/caller";
import type { ServerOptions } from "../core/server";
import { assumeRole, getCallerIdentity } from "./operations";
import { errorXml, parseForm, StsError, STS_VERSION, successXml } from "./query";

export function isStsRequest(req: http.IncomingMessage): boolean {
  if (req.method !== "POST" || req.headers["x-amz-target"] !== undefined) return false;
  const type = req.headers["content-type"] ?? "";
  const scope = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? "")?.[1];
  return type.startsWith("application/x-www-form-urlencoded") || scope === "sts";
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function callerOf(opts: ServerOptions, req: http.IncomingMessage) {
  if (!req.headers.authorization)
    throw new StsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
  try {
    return resolveCaller(
      opts.emulator.accounts,
      req.headers.authorization,
      req.headers["x-amz-security-token"],
    );
  } catch (err) {
    if (!(err instanceof CredentialsError)) throw err;
    if (err.kind === "expired")
      throw new StsError("ExpiredToken", "The security token included in the request is expired", 400);
    throw new StsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
  }
}

/**
 * A fault injected for `sts:<Action>` (optionally per calling account) — never through `*`, which stays
 * SageMaker's — in STS's words (a throttle is STS's `Throttling`).
 */
async function stsFault(opts: ServerOptions, action: string, account: string): Promise<void> {
  const op = `sts:${action}`;
  if (!opts.emulator.faults.names(op, account)) return;
  try {
    await opts.emulator.faults.apply(op, Math.random, account);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    const code = err.code === "ThrottlingException" ? "Throttling" : err.code;
    throw new StsError(code, err.message, err.status, err.status >= 500 ? "Receiver" : "Sender");
  }
}

/** Answers one STS request; returns the action and status for the request log. */
export async function handleSts(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  opts: ServerOptions,
): Promise<{ operation: string; status: number }> {
  const requestId = newRequestId();
  const params = parseForm(await readBody(req));
  const action = params.Action ?? "";
  let status = 200;
  let xml: string;
  try {
    if (params.Version !== undefined && params.Version !== STS_VERSION)
      throw new StsError("InvalidAction", `Could not find operation ${action} for version ${params.Version}`);
    const caller = callerOf(opts, req);
    // a fault for AssumeRole is keyed by the role's account ("this account cannot be reached")
    const roleAccount = /^arn:aws:iam::(\d{12}):/.exec(params.RoleArn ?? "")?.[1];
    await stsFault(opts, action, action === "AssumeRole" ? (roleAccount ?? caller.account) : caller.account);
    if (action === "AssumeRole")
      xml = successXml(action, assumeRole(opts.emulator.accounts, caller, params), requestId);
    else if (action === "GetCallerIdentity") xml = successXml(action, getCallerIdentity(caller), requestId);
    else throw new StsError("InvalidAction", `Could not find operation ${action} for version ${STS_VERSION}`);
    opts.emulator.stats.record(`sts:${action}`, true);
  } catch (err) {
    const e =
      err instanceof StsError
        ? err
        : new StsError("InternalFailure", "An internal error occurred.", 500, "Receiver");
    if (!(err instanceof StsError)) console.error(`[emulator] sts ${requestId}`, err);
    status = e.status;
    xml = errorXml(e, requestId);
    opts.emulator.stats.record(`sts:${action || "-"}`, false);
  }
  res.writeHead(status, {
    "Content-Type": "text/xml",
    "Content-Length": Buffer.byteLength(xml),
    "x-amzn-RequestId": requestId,
    Date: new Date().toUTCString(),
  });
  res.end(xml);
  opts.observer?.observe(`sts:${action}`, status, xml);
  return { operation: `sts:${action || "-"}`, status };
}
