import { ZodError } from "zod";
import { AppError, KeyInUseError, RateLimitedError, type AppErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";

/** The one place that maps the app's error codes to HTTP statuses. */
export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  unprocessable_entity: 422,
  rate_limited: 429,
  upstream_error: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
  record_pending: 503,
  internal_error: 500,
};

export interface ErrorBody {
  error: { code: AppErrorCode; message: string };
}

export function errorResponse(
  code: AppErrorCode,
  message: string,
  init: { headers?: Record<string, string>; requestId?: string } = {},
): Response {
  const headers: Record<string, string> = { ...init.headers };
  if (init.requestId) headers["x-request-id"] = init.requestId;
  return Response.json({ error: { code, message } } satisfies ErrorBody, {
    status: STATUS_BY_CODE[code],
    headers,
  });
}

/** "body.role: Invalid option…; query.limit: Too big…" — readable, at most three issues. */
export function describeZodError(err: ZodError, where: string): string {
  const parts = err.issues.slice(0, 3).map((issue) => {
    const path = [where, ...issue.path.map(String)].join(".");
    return `${path}: ${issue.message}`;
  });
  const more = err.issues.length > 3 ? ` (and ${err.issues.length - 3} more)` : "";
  return `${parts.join("; ")}${more}`;
}

/**
 * Any thrown value → the fixed error body. Unknown errors are logged (with the request id, the route's label and
 * the stack, lib/log.ts) and hidden: the answer names the request id, never the message or the stack.
 */
export function handleApiError(err: unknown, requestId: string, label: string): Response {
  if (err instanceof ZodError) {
    return errorResponse("unprocessable_entity", describeZodError(err, "input"), { requestId });
  }
  if (err instanceof AppError) {
    const headers: Record<string, string> = {};
    if (err instanceof RateLimitedError || err instanceof KeyInUseError)
      headers["Retry-After"] = String(err.retryAfterSeconds);
    if (STATUS_BY_CODE[err.code] >= 500) {
      log("error", `${label}: ${err.message}`, { requestId, label, code: err.code, err });
    }
    return errorResponse(err.code, err.message, { headers, requestId });
  }
  log("error", `${label} failed`, { requestId, label, err });
  return errorResponse(
    "internal_error",
    `Something went wrong on the server. If it keeps happening, report request id ${requestId}.`,
    { requestId },
  );
}
