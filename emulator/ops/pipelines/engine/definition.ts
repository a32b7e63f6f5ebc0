/**
 * Pipeline definition (format 2020-12-01): parsing and validation. The definition string is kept
 * byte-for-byte; only Parameters, Steps (Name/Type/DependsOn/Arguments, Condition branches,
 * PropertyFiles, CacheConfig, RetryPolicies) and PipelineExperimentConfig are interpreted.
 */
import { show, text } from "./text";
import { validation } from "../../../core/errors";
import { isObject, type JsonObject, type JsonValue } from "../../../core/json";
import { buildGraph } from "./graph";
import { collectRefs } from "./expressions";

export type ParamType = "String" | "Integer" | "Float" | "Boolean";

export interface ParamDef {
  Name: string;
  Type: ParamType;
  DefaultValue?: JsonValue;
  EnumValues?: string[];
}

export interface StepDef {
  Name: string;
  Type: string;
  Arguments: JsonObject;
  DependsOn: string[];
  DisplayName?: string;
  Description?: string;
  CacheConfig?: { Enabled: boolean; ExpireAfter?: string };
  RetryPolicies: JsonObject[];
  PropertyFiles: { PropertyFileName: string; OutputName: string; FilePath: string }[];
  /** the whole step object as written (Condition: its Conditions; Fail: ErrorMessage…) */
  raw: JsonObject;
  /** set for steps nested in a Condition's IfSteps/ElseSteps */
  branchOf?: { step: string; branch: "If" | "Else" };
  /** every step this one waits for (DependsOn, references, enclosing condition) */
  deps: string[];
}

export interface Definition {
  params: ParamDef[];
  steps: StepDef[];
  byName: Map<string, StepDef>;
  experimentConfig?: JsonObject;
}

export const STEP_TYPES = [
  "Processing",
  "Training",
  "Tuning",
  "Transform",
  "Model",
  "RegisterModel",
  "Condition",
  "Fail",
  "Lambda",
  "Callback",
  "QualityCheck",
  "ClarifyCheck",
  "EMR",
  "AutoML",
  "EndpointConfig",
  "Endpoint",
] as const;

export const MAX_STEPS = 1000;
const STEP_NAME = /^[A-Za-z0-9\-_]{1,64}$/;
const PARAM_NAME = /^[A-Za-z0-9\-_]{1,64}$/;
const PARAM_TYPES: readonly string[] = ["String", "Integer", "Float", "Boolean"];

const bad = (msg: string) => validation(`Invalid pipeline definition: ${msg}`);

function parseParams(value: JsonValue | undefined): ParamDef[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw bad("'Parameters' must be a list.");
  const seen = new Set<string>();
  return value.map((p) => {
    if (!isObject(p) || typeof p.Name !== "string") throw bad("each parameter needs a 'Name'.");
    if (!PARAM_NAME.test(p.Name)) throw bad(`parameter name '${p.Name}' must match ^[A-Za-z0-9\\-_]{1,64}$.`);
    if (seen.has(p.Name)) throw bad(`duplicate parameter name '${p.Name}'.`);
    seen.add(p.Name);
    const type = p.Type === undefined ? "String" : p.Type;
    if (typeof type !== "string" || !PARAM_TYPES.includes(type))
      throw bad(`parameter '${p.Name}' has unsupported type '${show(type)}'.`);
    const def: ParamDef = { Name: p.Name, Type: type as ParamType };
    if (p.DefaultValue !== undefined && p.DefaultValue !== null) {
      if (!defaultMatches(def.Type, p.DefaultValue))
        throw bad(`default value of parameter '${p.Name}' is not a valid ${def.Type}.`);
      def.DefaultValue = p.DefaultValue;
    }
    if (Array.isArray(p.EnumValues)) def.EnumValues = p.EnumValues.map(String);
    return def;
  });
}

function defaultMatches(type: ParamType, v: JsonValue): boolean {
  switch (type) {
    case "String":
      return typeof v === "string" || isObject(v);
    case "Integer":
      return typeof v === "number" && Number.isInteger(v);
    case "Float":
      return typeof v === "number";
    case "Boolean":
      return typeof v === "boolean";
  }
}

const CONDITION_TYPES = [
  "Equals",
  "GreaterThan",
  "GreaterThanOrEqualTo",
  "LessThan",
  "LessThanOrEqualTo",
  "In",
  "NotIn",
  "Not",
  "Or",
];

function checkCondition(step: string, c: JsonValue): void {
  const type = isObject(c) && typeof c.Type === "string" ? c.Type.replace(/^Condition/, "") : undefined;
  if (!isObject(c) || !type || !CONDITION_TYPES.includes(type))
    throw bad(`step '${step}' has unknown condition type '${isObject(c) ? show(c.Type) : show(c)}'.`);
  if (type === "Not") checkCondition(step, c.Condition ?? c.Expression ?? null);
  if (type === "Or") {
    if (!Array.isArray(c.Conditions))
      throw bad(`an Or condition of step '${step}' needs a 'Conditions' list.`);
    for (const x of c.Conditions) checkCondition(step, x);
  }
}

function strings(value: JsonValue | undefined, what: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw bad(`${what} must be a list of step names.`);
  return value as string[];
}

function parseStep(s: JsonValue, out: StepDef[], branchOf?: StepDef["branchOf"]): void {
  if (!isObject(s)) throw bad("each step must be an object.");
  const name = s.Name;
  if (typeof name !== "string" || !STEP_NAME.test(name))
    throw bad(`step name '${show(name)}' must match ^[A-Za-z0-9\\-_]{1,64}$.`);
  const type = s.Type;
  if (typeof type !== "string" || !(STEP_TYPES as readonly string[]).includes(type))
    throw bad(`step '${name}' has unknown step type '${show(type)}'.`);
  const args = s.Arguments;
  if (args !== undefined && !isObject(args)) throw bad(`'Arguments' of step '${name}' must be an object.`);
  const cache = isObject(s.CacheConfig)
    ? {
        Enabled: s.CacheConfig.Enabled === true,
        ...(typeof s.CacheConfig.ExpireAfter === "string" ? { ExpireAfter: s.CacheConfig.ExpireAfter } : {}),
      }
    : undefined;
  const propertyFiles = Array.isArray(s.PropertyFiles)
    ? s.PropertyFiles.filter(isObject).map((p) => ({
        PropertyFileName: text(p.PropertyFileName),
        OutputName: text(p.OutputName),
        FilePath: text(p.FilePath),
      }))
    : [];
  const def: StepDef = {
    Name: name,
    Type: type,
    Arguments: isObject(args) ? args : {},
    DependsOn: strings(s.DependsOn, `'DependsOn' of step '${name}'`),
    RetryPolicies: Array.isArray(s.RetryPolicies) ? s.RetryPolicies.filter(isObject) : [],
    PropertyFiles: propertyFiles,
    raw: s,
    deps: [],
    ...(typeof s.DisplayName === "string" ? { DisplayName: s.DisplayName } : {}),
    ...(typeof s.Description === "string" ? { Description: s.Description } : {}),
    ...(cache ? { CacheConfig: cache } : {}),
    ...(branchOf ? { branchOf } : {}),
  };
  out.push(def);
  if (type === "Condition") {
    const a = def.Arguments;
    if (!Array.isArray(a.Conditions)) throw bad(`'Conditions' of step '${name}' must be a list.`);
    for (const c of a.Conditions) checkCondition(name, c);
    // the SDK nests the branches in Arguments; accept them at the top level too
    const ifSteps = a.IfSteps ?? s.IfSteps ?? [];
    const elseSteps = a.ElseSteps ?? s.ElseSteps ?? [];
    if (!Array.isArray(ifSteps) || !Array.isArray(elseSteps))
      throw bad(`IfSteps and ElseSteps of step '${name}' must be lists of steps.`);
    for (const c of ifSteps) parseStep(c, out, { step: name, branch: "If" });
    for (const c of elseSteps) parseStep(c, out, { step: name, branch: "Else" });
  }
  if (type === "Fail" && def.Arguments.ErrorMessage === undefined && s.ErrorMessage !== undefined)
    def.Arguments = { ...def.Arguments, ErrorMessage: s.ErrorMessage };
}

/** Parses and checks a definition; throws ValidationException naming the culprit. */
export function parseDefinition(text: string): Definition {
  let doc: JsonValue;
  try {
    doc = JSON.parse(text) as JsonValue;
  } catch (err) {
    throw bad(`the definition is not valid JSON (${(err as Error).message}).`);
  }
  if (!isObject(doc)) throw bad("the definition must be a JSON object.");
  if (doc.Version !== undefined && doc.Version !== "2020-12-01")
    throw bad(`unsupported Version '${show(doc.Version)}'; the only supported version is 2020-12-01.`);
  if (!Array.isArray(doc.Steps)) throw bad("'Steps' is required and must be a list.");
  const params = parseParams(doc.Parameters);
  const steps: StepDef[] = [];
  for (const s of doc.Steps) parseStep(s, steps);
  if (steps.length > MAX_STEPS)
    throw bad(`the definition has ${steps.length} steps; the maximum is ${MAX_STEPS}.`);
  const byName = new Map<string, StepDef>();
  for (const s of steps) {
    if (byName.has(s.Name)) throw bad(`duplicate step name '${s.Name}'.`);
    byName.set(s.Name, s);
  }
  const paramNames = new Set(params.map((p) => p.Name));
  for (const s of steps) {
    for (const d of s.DependsOn)
      if (!byName.has(d)) throw bad(`step '${s.Name}' depends on step '${d}', which is not defined.`);
    const refs = collectRefs(stepExpressions(s));
    for (const p of refs.params)
      if (!paramNames.has(p))
        throw bad(`step '${s.Name}' references parameter '${p}', which is not defined.`);
    for (const r of refs.steps)
      if (!byName.has(r)) throw bad(`step '${s.Name}' references step '${r}', which is not defined.`);
    for (const v of refs.badExecutionVars)
      throw bad(`step '${s.Name}' references unknown execution variable 'Execution.${v}'.`);
    s.deps = [...new Set([...s.DependsOn, ...refs.steps, ...(s.branchOf ? [s.branchOf.step] : [])])];
  }
  buildGraph(steps);
  const def: Definition = { params, steps, byName };
  if (isObject(doc.PipelineExperimentConfig)) def.experimentConfig = doc.PipelineExperimentConfig;
  return def;
}

/** The parts of a step that may hold expressions (branches are separate steps). */
export function stepExpressions(s: StepDef): JsonValue {
  if (s.Type === "Condition") return { Conditions: s.Arguments.Conditions ?? [] };
  return s.Arguments;
}

const cache = new Map<string, Definition>();

/** Parsed definition, memoised (definitions are immutable once stored). */
export function definitionOf(text: string): Definition {
  let d = cache.get(text);
  if (!d) {
    d = parseDefinition(text);
    if (cache.size > 200) cache.clear();
    cache.set(text, d);
  }
  return d;
}
