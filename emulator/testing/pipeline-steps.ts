/** Step definitions shared by the pipeline engine tests (emulator/ops/pipelines/engine*.test.ts). */

/** A Lambda step: finishes at once, with `extra` merged in (OutputParameters, DependsOn, …). */
export const lambda = (name: string, extra: Record<string, unknown> = {}) => ({
  Name: name,
  Type: "Lambda",
  FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:noop",
  Arguments: {},
  ...extra,
});
