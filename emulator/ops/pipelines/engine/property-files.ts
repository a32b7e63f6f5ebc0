/**
 * Property files a Processing step writes: for each, a document holding every path any `Std:JsonGet` of the
 * definition reads from it (by PropertyFile, or by S3Uri under one of the step's outputs), on top of the standard
 * `{"metrics": {<name>: {"value", "standard_deviation"}}}` report. Values come from plausible.ts; a test can pin
 * any of them with `EMULATOR_PROPERTY_VALUES` (a JSON object path → value) in the step's Environment.
 */
import { isObject, type JsonObject, type JsonValue } from "../../../core/json";
import { evaluate, readPath, type Scope } from "./expressions";
import type { Definition, StepDef } from "./definition";
import { pathTokens, plausibleValue } from "./plausible";

interface JsonGetUse {
  /** `Steps.X.PropertyFiles.Y` when read through a property file */
  propertyFile?: string;
  s3Uri?: JsonValue;
  path: JsonValue;
}

function collect(value: JsonValue | undefined, out: JsonGetUse[]): void {
  if (Array.isArray(value)) for (const v of value) collect(v, out);
  else if (isObject(value)) {
    const g = value["Std:JsonGet"];
    if (isObject(g)) {
      const pf =
        isObject(g.PropertyFile) && typeof g.PropertyFile.Get === "string" ? g.PropertyFile.Get : undefined;
      out.push({ propertyFile: pf, s3Uri: g.S3Uri, path: g.Path ?? "" });
    }
    for (const v of Object.values(value)) collect(v, out);
  }
}

export function jsonGetUses(def: Definition): JsonGetUse[] {
  const out: JsonGetUse[] = [];
  for (const s of def.steps) collect(s.raw, out);
  return out;
}

function text(v: JsonValue, scope: Scope): string | undefined {
  try {
    const r = evaluate(v, scope);
    return typeof r === "string" ? r : typeof r === "number" ? String(r) : undefined;
  } catch {
    return undefined; // depends on something not known yet: that reader cannot be served
  }
}

/** Sets `path` in `doc` unless something is already there; numeric tokens make lists. */
export function setPath(doc: JsonObject, path: string, value: JsonValue): void {
  const tokens = pathTokens(path);
  let cur: JsonObject | JsonValue[] = doc;
  tokens.forEach((t, i) => {
    const last = i === tokens.length - 1;
    const nextIsIndex = /^\d+$/.test(tokens[i + 1] ?? "");
    const key: string | number = Array.isArray(cur) ? Number(t) : t;
    const container = cur as Record<string | number, JsonValue | undefined>;
    if (last) {
      if (container[key] === undefined) container[key] = value;
      return;
    }
    const existing = container[key];
    if (!isObject(existing) && !Array.isArray(existing)) container[key] = nextIsIndex ? [] : {};
    cur = container[key] as JsonObject | JsonValue[];
  });
}

function overrides(env: JsonValue | undefined): Record<string, JsonValue> {
  const raw = isObject(env) ? env.EMULATOR_PROPERTY_VALUES : undefined;
  if (typeof raw !== "string") return {};
  try {
    const parsed = JSON.parse(raw) as JsonValue;
    return isObject(parsed) ? (parsed as Record<string, JsonValue>) : {};
  } catch {
    return {};
  }
}

export interface DocumentInputs {
  def: Definition;
  step: StepDef;
  /** the step's scope, in which its own properties are already known */
  scope: Scope;
  /** S3 URIs of the step's outputs */
  outputs: string[];
  /** property file name → its URI */
  files: Record<string, string>;
  base: JsonObject;
  training: Record<string, number>;
  seed: string;
  environment: JsonValue | undefined;
}

/** URI → document for every property file of the step and every JsonGet S3Uri under its outputs. */
export function propertyDocuments(i: DocumentInputs): Map<string, JsonObject> {
  const docs = new Map<string, JsonObject>();
  const docAt = (uri: string) => {
    let d = docs.get(uri);
    if (!d) docs.set(uri, (d = structuredClone(i.base)));
    return d;
  };
  for (const uri of Object.values(i.files)) docAt(uri);
  const byFile = new Map(
    Object.entries(i.files).map(([n, u]) => [`Steps.${i.step.Name}.PropertyFiles.${n}`, u]),
  );
  for (const use of jsonGetUses(i.def)) {
    let uri = use.propertyFile ? byFile.get(use.propertyFile) : undefined;
    if (!uri && !use.propertyFile && use.s3Uri !== undefined) {
      const u = text(use.s3Uri, i.scope);
      if (u && i.outputs.some((o) => u.startsWith(o.replace(/\/+$/, "") + "/"))) uri = u;
    }
    const path = uri ? text(use.path, i.scope) : undefined;
    if (!uri || !path) continue;
    const doc = docAt(uri);
    if (readPath(doc, path) === undefined) setPath(doc, path, plausibleValue(path, i.training, i.seed));
  }
  const pinned = overrides(i.environment);
  for (const doc of docs.values())
    for (const [path, value] of Object.entries(pinned)) {
      if (readPath(doc, path) !== undefined || docs.size === 1) forcePath(doc, path, value);
    }
  return docs;
}

/** Like setPath, but replaces what is there. */
function forcePath(doc: JsonObject, path: string, value: JsonValue): void {
  const tokens = pathTokens(path);
  const parent = tokens.slice(0, -1);
  const lastToken = tokens[tokens.length - 1];
  if (lastToken === undefined) return;
  setPath(doc, path, value);
  let cur: JsonValue | undefined = doc;
  for (const t of parent) cur = Array.isArray(cur) ? cur[Number(t)] : isObject(cur) ? cur[t] : undefined;
  if (Array.isArray(cur)) cur[Number(lastToken)] = value;
  else if (isObject(cur)) cur[lastToken] = value;
}
