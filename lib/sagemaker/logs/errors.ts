/** CloudWatch Logs failures as the app's typed errors, each with its own message. */
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { translateSageMakerError } from "../errors";

/** The job's log group does not exist in the account (no job of that kind has ever logged there). */
export class LogGroupMissingError extends NotFoundError {}
/** The job has no log stream yet (its container has not started) or the named stream does not exist. */
export class LogStreamMissingError extends NotFoundError {}
/** The dashboard's identity may not read these logs (logs:GetLogEvents, logs:FilterLogEvents, …). */
export class LogsAccessDeniedError extends ForbiddenError {}

export function translateLogsError(err: unknown, operation: string, group: string): Error {
  const e = (err ?? {}) as { name?: string; message?: string };
  if (e.name === "ResourceNotFoundException") {
    if (/log stream/i.test(e.message ?? ""))
      return new LogStreamMissingError(
        "This log stream does not exist (yet); the job may not have started.",
        { cause: err },
      );
    return new LogGroupMissingError(
      `The log group ${group} does not exist in this account: no job of this kind has written logs here.`,
      { cause: err },
    );
  }
  if (e.name === "AccessDeniedException" || e.name === "AccessDenied")
    return new LogsAccessDeniedError(
      `The dashboard's AWS identity is not allowed to read these logs (logs:${operation} on ${group}); grant it logs:DescribeLogStreams, logs:GetLogEvents and logs:FilterLogEvents.`,
      { cause: err },
    );
  return translateSageMakerError(err, { operation, resource: `Log group ${group}` });
}
