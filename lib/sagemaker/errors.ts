import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  ValidationError,
} from "@/lib/errors";

interface SdkLikeError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
]);
const NETWORK_NAMES = new Set(["TimeoutError", "RequestTimeout", "AbortError"]);

function networkCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== "object" || depth > 3) return undefined;
  const e = err as SdkLikeError & { cause?: unknown; errors?: unknown[] };
  if (e.code && NETWORK_CODES.has(e.code)) return e.code;
  if (e.name && NETWORK_NAMES.has(e.name)) return e.name;
  return (
    networkCode(e.cause, depth + 1) ??
    (Array.isArray(e.errors) ? networkCode(e.errors[0], depth + 1) : undefined)
  );
}

function retryAfterSeconds(err: SdkLikeError): number {
  const header = err.$response?.headers?.["retry-after"];
  const n = header ? Number(header) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.ceil(n) : 5;
}

/** `sagemaker:ListPipelines` from "… is not authorized to perform: sagemaker:ListPipelines on resource …". */
function iamAction(message: string, operation: string): string {
  return /perform: ([\w-]+:[\w*]+)/.exec(message)?.[1] ?? `sagemaker:${operation}`;
}

export interface TranslateContext {
  /** SageMaker operation name, e.g. "DescribePipeline". */
  operation: string;
  /** What the user asked for, e.g. `pipeline "churn-train"`; used in not-found messages. */
  resource?: string;
}

/** SageMaker said the resource does not exist (ResourceNotFound, or a ValidationException saying so). */
export class SageMakerNotFoundError extends NotFoundError {}

/** SageMaker rejected the input (ValidationException). */
export class SageMakerValidationError extends ValidationError {}

/** SageMaker is throttling this account (the SDK's retries were used up). */
export class SageMakerThrottledError extends RateLimitedError {}

/** A SageMaker quota was reached (ResourceLimitExceeded): not a conflict with someone else's change. */
export class SageMakerQuotaError extends ConflictError {}

/**
 * SageMaker refused a change because of the resource's current state (ConflictException, ResourceInUse).
 * `currentStatus` is the state SageMaker names ("… is in Succeeded status"), when it names one.
 */
export class SageMakerConflictError extends ConflictError {
  constructor(
    message: string,
    readonly currentStatus: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The state named in a SageMaker conflict message, e.g. "Succeeded" from "… is in Succeeded status". */
function conflictStatus(message: string): string | undefined {
  return /is in (\w+) (?:status|state)/.exec(message)?.[1];
}

/** The one translator from SDK errors (by `err.name`, never `instanceof`) to the app's typed errors. */
export function translateSageMakerError(err: unknown, ctx: TranslateContext): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as SdkLikeError;
  const name = e.name ?? "Error";
  const message = e.message ?? "";
  const what = ctx.resource ?? "The requested SageMaker resource";

  const net = networkCode(err);
  if (net === "TimeoutError" || net === "ETIMEDOUT" || net === "RequestTimeout") {
    return new UpstreamTimeoutError(
      `SageMaker did not answer ${ctx.operation} in time (SAGEMAKER_TIMEOUT_MS per attempt); try again in a moment.`,
      { cause: err },
    );
  }
  if (net) {
    return new UpstreamUnavailableError(
      `SageMaker could not be reached (${net} during ${ctx.operation}). Check that the endpoint is running and reachable, then retry.`,
      { cause: err },
    );
  }
  switch (name) {
    case "ResourceNotFound":
      return new SageMakerNotFoundError(`${what} was not found in SageMaker.`, { cause: err });
    case "ValidationException":
      if (/does not exist|could not find|cannot find/i.test(message)) {
        return new SageMakerNotFoundError(`${what} was not found in SageMaker.`, { cause: err });
      }
      return new SageMakerValidationError(`SageMaker rejected the request: ${message}`, { cause: err });
    case "ThrottlingException":
    case "Throttling":
    case "TooManyRequestsException":
    case "RequestLimitExceeded":
      return new SageMakerThrottledError(
        "SageMaker is rate-limiting requests right now; wait a few seconds and try again.",
        retryAfterSeconds(e),
        { cause: err },
      );
    case "ConflictException":
    case "ResourceInUse":
      return new SageMakerConflictError(
        `SageMaker refused the change because of a conflicting state: ${message}`,
        conflictStatus(message),
        { cause: err },
      );
    case "ResourceLimitExceeded":
      return new SageMakerQuotaError(`A SageMaker quota was reached: ${message}`, { cause: err });
    case "AccessDeniedException":
    case "AccessDenied":
    case "UnrecognizedClientException":
    case "ExpiredTokenException":
      return new ForbiddenError(
        `The dashboard's AWS identity may not call ${iamAction(message, ctx.operation)}; grant that IAM action (or refresh the credentials) and retry.`,
        { cause: err },
      );
  }
  const status = e.$metadata?.httpStatusCode;
  if (status === 503 || status === 504) {
    return new UpstreamUnavailableError(
      `SageMaker is unavailable (HTTP ${status} on ${ctx.operation}); retry shortly.`,
      {
        cause: err,
      },
    );
  }
  return new UpstreamError(
    `SageMaker failed on ${ctx.operation} (${name}); retry, and check the server log if it persists.`,
    {
      cause: err,
    },
  );
}
