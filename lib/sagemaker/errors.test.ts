import { describe, expect, it } from "vitest";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  ValidationError,
} from "@/lib/errors";
import {
  SageMakerConflictError,
  SageMakerNotFoundError,
  SageMakerQuotaError,
  SageMakerThrottledError,
  SageMakerValidationError,
  translateSageMakerError,
} from "./errors";

function sdkError(name: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), {
    name,
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
    ...extra,
  });
}

const ctx = { operation: "DescribePipeline", resource: 'Pipeline "churn"' };

describe("translateSageMakerError", () => {
  it("maps ResourceNotFound to NotFound naming the resource", () => {
    const err = translateSageMakerError(
      sdkError("ResourceNotFound", "Pipeline 'arn:x' does not exist."),
      ctx,
    );
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('Pipeline "churn"');
  });

  it.each(["Model Package Group x does not exist.", 'Could not find endpoint "arn:…".'])(
    "maps ValidationException '%s' to NotFound",
    (message) => {
      expect(translateSageMakerError(sdkError("ValidationException", message), ctx)).toBeInstanceOf(
        NotFoundError,
      );
    },
  );

  it("keeps other ValidationExceptions as validation errors with SageMaker's words", () => {
    const err = translateSageMakerError(
      sdkError("ValidationException", "1 validation error detected: x"),
      ctx,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain("1 validation error detected");
  });

  it("maps throttling to rate-limited with a retry-after", () => {
    const err = translateSageMakerError(sdkError("ThrottlingException", "Rate exceeded"), ctx);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    const withHeader = translateSageMakerError(
      sdkError("ThrottlingException", "Rate exceeded", { $response: { headers: { "retry-after": "12" } } }),
      ctx,
    );
    expect((withHeader as RateLimitedError).retryAfterSeconds).toBe(12);
  });

  it("gives each kind of refusal its own type, so services never read message text", () => {
    const conflict = translateSageMakerError(
      sdkError("ConflictException", "Pipeline execution 'arn:x' is in Succeeded status."),
      ctx,
    );
    expect(conflict).toBeInstanceOf(SageMakerConflictError);
    expect((conflict as SageMakerConflictError).currentStatus).toBe("Succeeded");
    const quota = translateSageMakerError(sdkError("ResourceLimitExceeded", "too many executions"), ctx);
    expect(quota).toBeInstanceOf(SageMakerQuotaError);
    expect(quota).not.toBeInstanceOf(SageMakerConflictError);
    expect(translateSageMakerError(sdkError("ThrottlingException", "Rate exceeded"), ctx)).toBeInstanceOf(
      SageMakerThrottledError,
    );
    expect(translateSageMakerError(sdkError("ValidationException", "bad name"), ctx)).toBeInstanceOf(
      SageMakerValidationError,
    );
    expect(translateSageMakerError(sdkError("ResourceNotFound", "gone"), ctx)).toBeInstanceOf(
      SageMakerNotFoundError,
    );
  });

  it("maps ConflictException to Conflict", () => {
    expect(translateSageMakerError(sdkError("ConflictException", "busy"), ctx)).toBeInstanceOf(ConflictError);
  });

  it("maps AccessDenied to Forbidden naming the IAM action", () => {
    const err = translateSageMakerError(
      sdkError(
        "AccessDeniedException",
        "User: arn:aws:iam::1:user/x is not authorized to perform: sagemaker:DescribePipeline on resource: y",
      ),
      ctx,
    );
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err.message).toContain("sagemaker:DescribePipeline");
    const bare = translateSageMakerError(sdkError("AccessDeniedException", "denied"), {
      operation: "ListPipelines",
    });
    expect(bare.message).toContain("sagemaker:ListPipelines");
  });

  it("maps network failures (also nested causes) to upstream unavailable", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(translateSageMakerError(refused, ctx)).toBeInstanceOf(UpstreamUnavailableError);
    const nested = Object.assign(new Error("fetch failed"), { cause: { code: "ENOTFOUND" } });
    expect(translateSageMakerError(nested, ctx)).toBeInstanceOf(UpstreamUnavailableError);
  });

  it("maps a request that ran past its deadline to upstream timeout (504), not unavailable", () => {
    const timeout = Object.assign(new Error("timed out"), { name: "TimeoutError", code: "ETIMEDOUT" });
    const err = translateSageMakerError(timeout, ctx);
    expect(err).toBeInstanceOf(UpstreamTimeoutError);
    expect(err.message).toContain("did not answer DescribePipeline in time");
  });

  it("maps unknown service errors to a generic upstream error", () => {
    const err = translateSageMakerError(
      sdkError("InternalFailure", "secret detail", { $metadata: { httpStatusCode: 500 } }),
      ctx,
    );
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err.message).not.toContain("secret detail");
  });
});
