/** Validation of the shapes experiments share (Parameters, artifacts, Status, MetadataProperties), in AWS's words. */
import { isObject, type JsonObject, type JsonValue } from "../../core/json";
import type { Validator } from "../../core/validate";
import {
  ENTITY_NAME,
  PRIMARY_STATUS,
  type Artifact,
  type ParameterValue,
  type Source,
  type TrialComponentRecord,
} from "./model";

/** `Source`-less `MetadataProperties` {CommitId, GeneratedBy, ProjectId, Repository} (each ≤1024). */
export function readMetadataProperties(v: Validator, input: JsonObject): JsonObject | undefined {
  const mp = v.object("MetadataProperties", {}, input);
  if (!mp) return undefined;
  const out: JsonObject = {};
  for (const k of ["CommitId", "GeneratedBy", "ProjectId", "Repository"]) {
    const s = v.string(k, { min: 1, max: 1024 }, mp, `MetadataProperties.${k}`);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

export function readStatus(v: Validator, input: JsonObject): TrialComponentRecord["Status"] | undefined {
  const st = v.object("Status", {}, input);
  if (!st) return undefined;
  const primary = v.string("PrimaryStatus", { enum: PRIMARY_STATUS }, st, "Status.PrimaryStatus");
  const message = v.string("Message", { max: 1024 }, st, "Status.Message");
  const out: TrialComponentRecord["Status"] = {};
  if (primary !== undefined) out.PrimaryStatus = primary;
  if (message !== undefined) out.Message = message;
  return out;
}

/** `Parameters` map: ≤300 entries, key ≤320, exactly one of StringValue (≤2500) / NumberValue. */
export function readParameters(
  v: Validator,
  input: JsonObject,
  member = "Parameters",
): Record<string, ParameterValue> | undefined {
  const m = v.object(member, {}, input);
  if (!m) return undefined;
  const keys = Object.keys(m);
  if (keys.length > 300)
    v.fail(
      `Value at '${member.toLowerCase()}' failed to satisfy constraint: Member must have length less than or equal to 300`,
    );
  const out: Record<string, ParameterValue> = {};
  for (const k of keys) {
    const path = `${member}.${k}.member`;
    if (k.length > 320)
      v.fail(
        `Value '${k}' at '${member.toLowerCase()}' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 320]`,
      );
    const pv = v.object(k, {}, m, path);
    if (!pv) continue;
    const sv = v.string("StringValue", { max: 2500 }, pv, `${path}.StringValue`);
    const nv = v.number("NumberValue", {}, pv, `${path}.NumberValue`);
    if ((sv === undefined) === (nv === undefined)) {
      v.fail(`Only one of NumberValue or StringValue can be specified for parameter '${k}'.`);
      continue;
    }
    out[k] = sv !== undefined ? { StringValue: sv } : { NumberValue: nv };
  }
  return out;
}

const MEDIA_TYPE = /^[-\w]+\/[-\w+]+$/;

/** `InputArtifacts`/`OutputArtifacts` map: ≤60 entries, key ≤128, {MediaType ≤64 pattern, Value* ≤2048}. */
export function readArtifacts(
  v: Validator,
  input: JsonObject,
  member: "InputArtifacts" | "OutputArtifacts",
): Record<string, Artifact> | undefined {
  const m = v.object(member, {}, input);
  if (!m) return undefined;
  const keys = Object.keys(m);
  const lower = member[0]!.toLowerCase() + member.slice(1);
  if (keys.length > 60)
    v.fail(
      `Value at '${lower}' failed to satisfy constraint: Member must have length less than or equal to 60`,
    );
  const out: Record<string, Artifact> = {};
  for (const k of keys) {
    const path = `${member}.${k}.member`;
    if (k.length > 128)
      v.fail(
        `Value '${k}' at '${lower}' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128]`,
      );
    const a = v.object(k, {}, m, path);
    if (!a) continue;
    const mt = v.string(
      "MediaType",
      { max: 64, pattern: MEDIA_TYPE, patternText: "[-\\w]+\\/[-\\w+]+" },
      a,
      `${path}.MediaType`,
    );
    const value = v.string("Value", { required: true, max: 2048, pattern: /^.*$/ }, a, `${path}.Value`);
    if (value === undefined) continue;
    out[k] = mt !== undefined ? { MediaType: mt, Value: value } : { Value: value };
  }
  return out;
}

/** A list of strings (e.g. `ParametersToRemove`). */
export function readStringList(v: Validator, input: JsonObject, member: string, max: number): string[] {
  const list = v.array(member, { max }, input) ?? [];
  return list.filter((x: JsonValue): x is string => typeof x === "string");
}

/** Source {SourceArn*, SourceType} as passed to the internal upsert. */
export function readSource(value: JsonValue | undefined): Source | undefined {
  if (!isObject(value) || typeof value.SourceArn !== "string") return undefined;
  return typeof value.SourceType === "string"
    ? { SourceArn: value.SourceArn, SourceType: value.SourceType }
    : { SourceArn: value.SourceArn };
}

/** Drops undefined members so stored records stay plain JSON. */
export function compact<T extends JsonObject>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** The members CreateTrialComponent and the internal upsert both accept, validated together (then `v.done()`). */
export function readTrialComponentInput(v: Validator, input: JsonObject) {
  return {
    name: v.string("TrialComponentName", { required: true, ...ENTITY_NAME }),
    display: v.string("DisplayName", ENTITY_NAME),
    status: readStatus(v, input),
    start: v.timestamp("StartTime"),
    end: v.timestamp("EndTime"),
    parameters: readParameters(v, input),
    inputs: readArtifacts(v, input, "InputArtifacts"),
    outputs: readArtifacts(v, input, "OutputArtifacts"),
    metadata: readMetadataProperties(v, input),
  };
}
