/** Thrown by client fetchers, built from the API's `{ error: { code, message } }` body. */
export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

function isErrorBody(v: unknown): v is { error: { code: string; message: string } } {
  if (typeof v !== "object" || v === null || !("error" in v)) return false;
  const e = v.error;
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * How long the browser waits for a read before showing an error with "Try again" instead of a skeleton forever.
 * The server gives up on SageMaker first (SAGEMAKER_TIMEOUT_MS per request, 10 s by default) and answers 504;
 * this bound catches a server or network that does not answer at all. Changes are not cut short: their
 * outcome is decided on the server (and is on the record either way).
 */
export const READ_TIMEOUT_MS = 30_000;

/**
 * The shared JSON fetcher for react-query; every client request goes through it. Changes are always sent as
 * JSON (the API refuses other content types as cross-site request forgery; the browser adds Origin).
 */
export async function fetchJson<T>(
  input: string,
  init?: RequestInit,
  opts: { timeoutMs?: number } = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? READ_TIMEOUT_MS;
  const mutating = MUTATING.has((init?.method ?? "GET").toUpperCase());
  const headers = new Headers(init?.headers);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  if (mutating) headers.set("Content-Type", "application/json");
  const timeout = mutating || init?.signal ? undefined : AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(input, { ...init, headers, ...(timeout ? { signal: timeout } : {}) });
  } catch (err) {
    if (timeout?.aborted) {
      throw new FetchError(
        0,
        "timeout",
        `The server did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}. Try again; if it keeps happening, SageMaker or the server may be down.`,
      );
    }
    throw err;
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isErrorBody(body)) throw new FetchError(res.status, body.error.code, body.error.message);
    throw new FetchError(res.status, "http_error", `The server answered ${res.status}; try again.`);
  }
  return body as T;
}
