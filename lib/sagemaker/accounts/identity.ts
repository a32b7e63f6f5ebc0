/**
 * Who SageDeck is in an account: STS GetCallerIdentity with that account's credentials — the dashboard's own
 * for the home account, else its role assumed first (the same `credentialsFor` as SageMaker calls, no person:
 * session `sagedeck-dashboard`). STS is found the same way as in credentials.ts (`stsEndpoint`). Assuming the
 * role and asking who we are are told apart, so a refused role is reported as such.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { getConfig, type AccountConfig } from "@/lib/config";
import { credentialsFor, stsEndpoint } from "./credentials";

export interface CallerIdentity {
  arn: string;
  account: string;
  userId: string;
}

export type IdentityResult =
  | { ok: true; identity: CallerIdentity; latencyMs: number }
  | {
      ok: false;
      step: "assume-role" | "get-caller-identity";
      code: string;
      message: string;
      latencyMs: number;
    };

function errorParts(err: unknown): { code: string; message: string } {
  if (err instanceof Error) return { code: err.name || "Error", message: err.message };
  return { code: "Error", message: String(err) };
}

function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new Error(`${what} did not answer within ${ms} ms`);
      err.name = "TimeoutError";
      reject(err);
    }, ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** Assumes the account's role (when it has one), then asks STS who SageDeck is there. Never throws. */
export async function callerIdentity(account: AccountConfig): Promise<IdentityResult> {
  const started = Date.now();
  const timeoutMs = getConfig().sagemakerTimeoutMs;
  const given = credentialsFor(account, undefined);
  const resolved = await (typeof given === "function"
    ? withDeadline(given(), timeoutMs, "STS AssumeRole").then(
        (value) => ({ ok: true as const, value }),
        (err: unknown) => ({ ok: false as const, err }),
      )
    : Promise.resolve({ ok: true as const, value: given }));
  if (!resolved.ok)
    return { ok: false, step: "assume-role", ...errorParts(resolved.err), latencyMs: Date.now() - started };
  const credentials = resolved.value;
  const endpoint = stsEndpoint();
  const sts = new STSClient({
    region: account.region,
    maxAttempts: 2,
    requestHandler: {
      connectionTimeout: Math.min(3_000, timeoutMs),
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    },
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  });
  try {
    const r = await sts.send(new GetCallerIdentityCommand({}), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return {
      ok: true,
      identity: { arn: r.Arn ?? "", account: r.Account ?? "", userId: r.UserId ?? "" },
      latencyMs: Date.now() - started,
    };
  } catch (err) {
    return { ok: false, step: "get-caller-identity", ...errorParts(err), latencyMs: Date.now() - started };
  } finally {
    sts.destroy();
  }
}
