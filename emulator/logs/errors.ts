/** CloudWatch Logs errors: `{"__type": code, "message": m}` (the JSON 1.1 protocol, as the service answers). */
export class LogsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new LogsError("InvalidParameterException", message);
export const groupNotFound = () =>
  new LogsError("ResourceNotFoundException", "The specified log group does not exist.");
export const streamNotFound = () =>
  new LogsError("ResourceNotFoundException", "The specified log stream does not exist.");
