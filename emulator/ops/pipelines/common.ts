/** Shared validation for the pipelines operations. */
import { validation } from "../../core/errors";
import { isObject, type JsonObject } from "../../core/json";
import type { State } from "../../core/state";
import type { Validator } from "../../core/validate";
import { getObject } from "../jobs/s3";
import type { ParallelismConfiguration } from "./records";

export const ROLE_ARN = /^arn:aws[a-z\-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
export const TOKEN = { min: 32, max: 128 };
export const MAX_DEFINITION = 1_048_576;

export function parallelism(v: Validator): ParallelismConfiguration | undefined {
  const pc = v.object("ParallelismConfiguration");
  if (!pc) return undefined;
  const n = v.number(
    "MaxParallelExecutionSteps",
    { required: true, min: 1, integer: true },
    pc,
    "ParallelismConfiguration.MaxParallelExecutionSteps",
  );
  return n === undefined ? undefined : { MaxParallelExecutionSteps: n };
}

/** PipelineDefinition or PipelineDefinitionS3Location (read from the emulated S3). */
export function definitionText(v: Validator, state: State, required: boolean): string | undefined {
  const text = v.string("PipelineDefinition", { min: 1, max: MAX_DEFINITION });
  const loc = v.object("PipelineDefinitionS3Location");
  let bucket: string | undefined;
  let key: string | undefined;
  if (loc) {
    bucket = v.string(
      "Bucket",
      { required: true, min: 3, max: 63 },
      loc,
      "PipelineDefinitionS3Location.Bucket",
    );
    key = v.string(
      "ObjectKey",
      { required: true, min: 1, max: 1024 },
      loc,
      "PipelineDefinitionS3Location.ObjectKey",
    );
  }
  v.done();
  if (text !== undefined && loc)
    throw validation("Specify either PipelineDefinition or PipelineDefinitionS3Location, not both.");
  if (text !== undefined) return text;
  if (loc && bucket && key) {
    const uri = `s3://${bucket}/${key}`;
    const obj = getObject(state, uri);
    if (!obj)
      throw validation(`Unable to read the pipeline definition from ${uri}: the object does not exist.`);
    if (obj.body.length > MAX_DEFINITION)
      throw validation(
        `The pipeline definition at ${uri} exceeds the maximum size of ${MAX_DEFINITION} characters.`,
      );
    return obj.body;
  }
  if (required)
    throw validation("Either PipelineDefinition or PipelineDefinitionS3Location must be specified.");
  return undefined;
}

export function withoutToken(input: JsonObject): JsonObject {
  const { ClientRequestToken: _t, ...rest } = input;
  return isObject(rest) ? rest : {};
}
