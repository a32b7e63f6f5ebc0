/**
 * Expressions allowed wherever a value is: `Get` (Parameters.*, Execution.*, Steps.<step>.<path>),
 * `Std:Join` {On, Values} and `Std:JsonGet` {PropertyFile | S3Uri, Path}.
 */
import { isObject, type JsonObject, type JsonValue } from "../../../core/json";

export const EXECUTION_VARIABLES = [
  "StartDateTime",
  "CurrentDateTime",
  "PipelineName",
  "PipelineArn",
  "PipelineExecutionId",
  "PipelineExecutionArn",
  "TrainingJobName",
  "ProcessingJobName",
] as const;

export interface Refs {
  params: Set<string>;
  steps: Set<string>;
  badExecutionVars: Set<string>;
}

/** Step name and the rest of the path from `Steps.<name>.<path>`. */
export function splitStepRef(ref: string): { step: string; path: string } | undefined {
  const m = /^Steps\.([A-Za-z0-9\-_]+)(?:\.(.*))?$/.exec(ref);
  if (!m) return undefined;
  return { step: m[1]!, path: (m[2] ?? "").replace(/^Properties\./, "") };
}

/** Every parameter, step and execution variable referenced anywhere in a value. */
export function collectRefs(value: JsonValue, refs: Refs = emptyRefs()): Refs {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, refs);
  } else if (isObject(value)) {
    const get = value.Get;
    if (typeof get === "string" && Object.keys(value).length === 1) {
      if (get.startsWith("Parameters.")) refs.params.add(get.slice("Parameters.".length));
      else if (get.startsWith("Execution.")) {
        const v = get.slice("Execution.".length);
        if (!(EXECUTION_VARIABLES as readonly string[]).includes(v)) refs.badExecutionVars.add(v);
      } else {
        const s = splitStepRef(get);
        if (s) refs.steps.add(s.step);
      }
      return refs;
    }
    for (const v of Object.values(value)) if (v !== undefined) collectRefs(v, refs);
  }
  return refs;
}

function emptyRefs(): Refs {
  return { params: new Set(), steps: new Set(), badExecutionVars: new Set() };
}

export interface Scope {
  param(name: string): JsonValue | undefined;
  execVar(name: string): JsonValue | undefined;
  /** Describe-shaped properties of a finished step */
  stepProps(step: string): JsonObject | undefined;
  /** S3 URI of a property file written by a step */
  propertyFileUri(step: string, file: string): string | undefined;
  readS3(uri: string): string | undefined;
}

export class ExpressionError extends Error {}

/** Reads `a.b['key'].c[0]` from a value; list elements are matched by their name-like member. */
export function readPath(root: JsonValue | undefined, path: string): JsonValue | undefined {
  const tokens = path.match(/[^.[\]]+|\[(?:'[^']*'|"[^"]*"|\d+)\]/g) ?? [];
  let cur: JsonValue | undefined = root;
  for (const t of tokens) {
    if (cur === undefined || cur === null) return undefined;
    if (t.startsWith("[")) {
      const inner = t.slice(1, -1);
      if (/^\d+$/.test(inner)) {
        cur = Array.isArray(cur) ? cur[Number(inner)] : undefined;
        continue;
      }
      const key = inner.slice(1, -1);
      if (Array.isArray(cur)) {
        cur = cur.find(
          (e) =>
            isObject(e) &&
            [e.OutputName, e.MetricName, e.Name, e.ChannelName, e.InputName, e.OutputParameterName].includes(
              key,
            ),
        );
      } else if (isObject(cur)) cur = cur[key];
      else return undefined;
    } else {
      cur = isObject(cur) ? cur[t] : undefined;
    }
  }
  return cur;
}

function asText(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** Evaluates every expression inside a value. */
export function evaluate(value: JsonValue, scope: Scope): JsonValue {
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const get = value.Get;
    if (typeof get === "string") return resolveGet(get, scope);
    const join = value["Std:Join"];
    if (isObject(join)) {
      const on = asText(evaluate(join.On ?? "", scope));
      const values = Array.isArray(join.Values) ? join.Values : [];
      return values.map((v) => asText(evaluate(v, scope))).join(on);
    }
    const jsonGet = value["Std:JsonGet"];
    if (isObject(jsonGet)) return resolveJsonGet(jsonGet, scope);
  }
  const out: JsonObject = {};
  for (const k of keys) {
    const v = value[k];
    if (v !== undefined) out[k] = evaluate(v, scope);
  }
  return out;
}

function resolveGet(get: string, scope: Scope): JsonValue {
  if (get.startsWith("Parameters.")) {
    const v = scope.param(get.slice("Parameters.".length));
    if (v === undefined) throw new ExpressionError(`Parameter '${get}' has no value.`);
    return v;
  }
  if (get.startsWith("Execution.")) {
    const v = scope.execVar(get.slice("Execution.".length));
    if (v === undefined) throw new ExpressionError(`Execution variable '${get}' is not available here.`);
    return v;
  }
  const ref = splitStepRef(get);
  if (!ref) throw new ExpressionError(`Cannot resolve '${get}'.`);
  if (ref.path.startsWith("PropertyFiles.")) {
    const uri = scope.propertyFileUri(ref.step, ref.path.slice("PropertyFiles.".length));
    if (uri === undefined) throw new ExpressionError(`Property file '${get}' was not produced.`);
    return uri;
  }
  const props = scope.stepProps(ref.step);
  if (!props) throw new ExpressionError(`Step '${ref.step}' has no properties yet.`);
  const v = readPath(props, ref.path);
  if (v === undefined) throw new ExpressionError(`Property '${get}' is not available.`);
  return v;
}

function resolveJsonGet(arg: JsonObject, scope: Scope): JsonValue {
  let uri: string | undefined;
  const pf = arg.PropertyFile;
  if (isObject(pf) && typeof pf.Get === "string") uri = asText(resolveGet(pf.Get, scope));
  else if (arg.S3Uri !== undefined) uri = asText(evaluate(arg.S3Uri, scope));
  const path = asText(evaluate(arg.Path ?? "", scope));
  if (!uri) throw new ExpressionError("Std:JsonGet needs a PropertyFile or an S3Uri.");
  const body = scope.readS3(uri);
  if (body === undefined) throw new ExpressionError(`Std:JsonGet could not read '${uri}'.`);
  let doc: JsonValue;
  try {
    doc = JSON.parse(body) as JsonValue;
  } catch {
    throw new ExpressionError(`Std:JsonGet: '${uri}' is not valid JSON.`);
  }
  const v = readPath(doc, path);
  if (v === undefined) throw new ExpressionError(`Std:JsonGet: path '${path}' not found in '${uri}'.`);
  return v;
}
