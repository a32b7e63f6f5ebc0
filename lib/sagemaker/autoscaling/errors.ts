/** Application Auto Scaling failures as the app's typed errors. */
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from "@/lib/errors";
import { translateSageMakerError } from "../errors";

/** The scalable target or policy does not exist (ObjectNotFoundException). */
export class ScalingNotFoundError extends NotFoundError {}
/** Application Auto Scaling refused the input (ValidationException: capacity range, names, resource id). */
export class ScalingValidationError extends ValidationError {}

export function translateScalingError(err: unknown, operation: string, resource: string): Error {
  const e = (err ?? {}) as { name?: string; message?: string };
  const said = e.message ? `: ${e.message}` : "";
  switch (e.name) {
    case "ObjectNotFoundException":
      return new ScalingNotFoundError(`${resource} has no scalable target or policy${said}`, { cause: err });
    case "ValidationException":
      return new ScalingValidationError(`Application Auto Scaling refused ${operation}${said}`, {
        cause: err,
      });
    case "ConcurrentUpdateException":
      return new ConflictError(
        `Another change to ${resource}'s scaling is in progress; try again in a moment.`,
        { cause: err },
      );
    case "LimitExceededException":
      return new ConflictError(`An Application Auto Scaling quota was reached${said}`, { cause: err });
    case "AccessDeniedException":
    case "AccessDenied":
      return new ForbiddenError(
        `The dashboard's AWS identity may not call application-autoscaling:${operation} on ${resource}; grant it application-autoscaling:${operation}.`,
        { cause: err },
      );
    case "FailedResourceAccessException":
      return new ForbiddenError(
        `Application Auto Scaling could not read ${resource} (its service-linked role lacks access)${said}`,
        { cause: err },
      );
    case "ThrottlingException":
      return new RateLimitedError(
        `Application Auto Scaling is throttling ${operation}; try again shortly.`,
        5,
        {
          cause: err,
        },
      );
    default:
      return translateSageMakerError(err, { operation, resource });
  }
}
