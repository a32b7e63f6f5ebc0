/**
 * AWS-shaped errors. The server turns an AwsError into
 * `400 {"__type": code, "message": m, "Message": m}` (status configurable for 5xx faults).
 */
export type AwsErrorCode =
  | "ValidationException"
  | "ResourceNotFound"
  | "ResourceLimitExceeded"
  | "ConflictException"
  | "ResourceInUse"
  | "ThrottlingException"
  | "AccessDeniedException"
  | "UnknownOperationException"
  | "MissingAuthenticationTokenException"
  | "SerializationException"
  | "InternalFailure"
  | "ServiceUnavailable";

export class AwsError extends Error {
  constructor(
    readonly code: AwsErrorCode | (string & {}),
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const validation = (message: string) => new AwsError("ValidationException", message);
export const notFound = (message: string) => new AwsError("ResourceNotFound", message);
export const conflict = (message: string) => new AwsError("ConflictException", message);
export const limitExceeded = (message: string) => new AwsError("ResourceLimitExceeded", message);
export const inUse = (message: string) => new AwsError("ResourceInUse", message);
