/**
 * The app's typed errors. Everything below lib/ throws these; lib/api/errors.ts is the one place that
 * turns them into HTTP statuses. Messages are user-facing: say what happened and what to do.
 */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "unprocessable_entity"
  | "rate_limited"
  | "upstream_error"
  | "upstream_unavailable"
  | "upstream_timeout"
  | "record_pending"
  | "internal_error";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("bad_request", message, options);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super("unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("forbidden", message, options);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("not_found", message, options);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("conflict", message, options);
  }
}

/** A 409 that passes: the Idempotency-Key is held by a request still running (or until its lease lapses). */
export class KeyInUseError extends ConflictError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("unprocessable_entity", message, options);
  }
}

/**
 * Input that breaks a governance rule (e.g. starting a run with an approval parameter other than
 * PendingManualApproval): a 422 like any invalid input, but also put on the record as a refused attempt.
 */
export class PolicyRefusalError extends ValidationError {}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super("rate_limited", message, options);
  }
}

/** SageMaker answered, but with something we cannot use (5xx, unexpected error). */
export class UpstreamError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("upstream_error", message, options);
  }
}

/** SageMaker could not be reached at all (connection refused, DNS, timeout). */
export class UpstreamUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("upstream_unavailable", message, options);
  }
}

/**
 * SageMaker applied (or accepted) a change but SageDeck could not record it — its database did not answer: the
 * intent stays in flight and the reconciler records the outcome once the database is back.
 */
export class RecordPendingError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("record_pending", message, options);
  }
}

/** SageMaker did not answer within the configured deadline (SAGEMAKER_TIMEOUT_MS per attempt). */
export class UpstreamTimeoutError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("upstream_timeout", message, options);
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
