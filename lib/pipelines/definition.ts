/**
 * A pipeline definition (format 2020-12-01) reduced to what the dashboard shows: parameters with
 * their types and defaults, and the step graph (edges from DependsOn and from `Steps.<X>` references).
 * Pure: no I/O, safe on the client and the server.
 */

export type ParameterType = "String" | "Integer" | "Float" | "Boolean";

export interface PipelineParameter {
  name: string;
  type: ParameterType;
  /** the default as a string (as SageMaker passes values), or undefined when the parameter is required */
  defaultValue: string | undefined;
  enumValues: string[] | undefined;
}

export interface DefinitionStep {
  name: string;
  type: string;
  dependsOn: string[];
  /** for Condition steps: the comparisons, as readable text */
  conditions: string[];
  ifSteps: string[];
  elseSteps: string[];
}

export interface PipelineDefinitionModel {
  parameters: PipelineParameter[];
  steps: DefinitionStep[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const TYPES: readonly ParameterType[] = ["String", "Integer", "Float", "Boolean"];

function parameterOf(raw: Json): PipelineParameter | undefined {
  if (!isObject(raw) || typeof raw.Name !== "string") return undefined;
  const type = TYPES.find((t) => t === raw.Type) ?? "String";
  const d = raw.DefaultValue;
  const enumValues = Array.isArray(raw.EnumValues) ? raw.EnumValues.map(String) : undefined;
  return {
    name: raw.Name,
    type,
    defaultValue: d === undefined || d === null ? undefined : typeof d === "string" ? d : JSON.stringify(d),
    enumValues,
  };
}

/** Every `Steps.<Name>` mentioned anywhere inside a value (property references, JsonGet). */
function referencedSteps(value: Json, out: Set<string>): void {
  if (typeof value === "string") {
    const m = /^Steps\.([A-Za-z0-9_-]+)/.exec(value);
    if (m?.[1]) out.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) referencedSteps(v, out);
  } else if (isObject(value)) {
    if (typeof value.StepName === "string" && "PropertyFile" in value) out.add(value.StepName);
    for (const v of Object.values(value)) referencedSteps(v, out);
  }
}

function describeOperand(v: Json): string {
  if (isObject(v)) {
    if (typeof v.Get === "string") return v.Get;
    const jg = v["Std:JsonGet"];
    if (isObject(jg)) {
      const file =
        isObject(jg.PropertyFile) && typeof jg.PropertyFile.Get === "string" ? jg.PropertyFile.Get : "";
      return `${file.replace(/^Steps\./, "")}:${typeof jg.Path === "string" ? jg.Path : "?"}`;
    }
    return JSON.stringify(v);
  }
  return Array.isArray(v) ? JSON.stringify(v) : String(v);
}

function conditionsOf(args: JsonObject): string[] {
  const list = Array.isArray(args.Conditions) ? args.Conditions : [];
  return list.filter(isObject).map((c) => {
    const type = typeof c.Type === "string" ? c.Type : "Condition";
    return `${describeOperand(c.LeftValue ?? null)} ${type} ${describeOperand(c.RightValue ?? null)}`;
  });
}

const names = (v: Json | undefined): string[] =>
  Array.isArray(v)
    ? v.map((s) => (isObject(s) && typeof s.Name === "string" ? s.Name : "")).filter(Boolean)
    : [];

/** Parses the definition string; an unreadable definition gives no parameters and no steps. */
export function parseDefinition(text: string | undefined): PipelineDefinitionModel {
  let doc: Json;
  try {
    doc = JSON.parse(text ?? "{}") as Json;
  } catch {
    return { parameters: [], steps: [] };
  }
  if (!isObject(doc)) return { parameters: [], steps: [] };
  const parameters = (Array.isArray(doc.Parameters) ? doc.Parameters : [])
    .map(parameterOf)
    .filter((p): p is PipelineParameter => p !== undefined);
  const rawSteps = (Array.isArray(doc.Steps) ? doc.Steps : []).filter(isObject);
  const stepNames = new Set(rawSteps.map((s) => (typeof s.Name === "string" ? s.Name : "")));
  const steps = rawSteps.map((s): DefinitionStep => {
    const name = typeof s.Name === "string" ? s.Name : "";
    const deps = new Set<string>(Array.isArray(s.DependsOn) ? s.DependsOn.map(String) : []);
    referencedSteps(s.Arguments ?? null, deps);
    const args = isObject(s.Arguments) ? s.Arguments : {};
    const isCondition = s.Type === "Condition";
    if (isCondition) referencedSteps(args.Conditions ?? null, deps);
    deps.delete(name);
    return {
      name,
      type: typeof s.Type === "string" ? s.Type : "Unknown",
      dependsOn: [...deps].filter((d) => stepNames.has(d)),
      conditions: isCondition ? conditionsOf(args) : [],
      ifSteps: isCondition ? names(args.IfSteps) : [],
      elseSteps: isCondition ? names(args.ElseSteps) : [],
    };
  });
  // branch steps of a condition: nested in IfSteps/ElseSteps, they depend on the condition
  for (const s of rawSteps) {
    if (s.Type !== "Condition" || !isObject(s.Arguments)) continue;
    for (const branch of [s.Arguments.IfSteps, s.Arguments.ElseSteps]) {
      for (const inner of Array.isArray(branch) ? branch.filter(isObject) : []) {
        const name = typeof inner.Name === "string" ? inner.Name : "";
        if (!name || steps.some((x) => x.name === name)) continue;
        const deps = new Set<string>(typeof s.Name === "string" ? [s.Name] : []);
        referencedSteps(inner.Arguments ?? null, deps);
        steps.push({
          name,
          type: typeof inner.Type === "string" ? inner.Type : "Unknown",
          dependsOn: [...deps].filter((d) => d !== name),
          conditions: [],
          ifSteps: [],
          elseSteps: [],
        });
      }
    }
  }
  return { parameters, steps };
}
