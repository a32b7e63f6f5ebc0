/** Condition step: every condition type; the top-level list is ANDed. */
import { show } from "./text";
import { isObject, type JsonObject, type JsonValue } from "../../../core/json";
import { evaluate, ExpressionError, type Scope } from "./expressions";

export interface Evaluated {
  outcome: boolean;
  /** what was compared, for display */
  checks: JsonObject[];
}

function num(v: JsonValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  if (typeof v === "boolean") return undefined;
  return undefined;
}

function equal(a: JsonValue, b: JsonValue): boolean {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (typeof a === "boolean" || typeof b === "boolean")
    return show(a).toLowerCase() === show(b).toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(type: string, l: JsonValue, r: JsonValue): boolean {
  const a = num(l);
  const b = num(r);
  if (a === undefined || b === undefined)
    throw new ExpressionError(
      `Condition ${type} needs numeric values, got ${JSON.stringify(l)} and ${JSON.stringify(r)}.`,
    );
  switch (type) {
    case "GreaterThan":
      return a > b;
    case "GreaterThanOrEqualTo":
      return a >= b;
    case "LessThan":
      return a < b;
    default:
      return a <= b;
  }
}

/** Accepts the JSON names (`GreaterThan`) and the Python class names (`ConditionGreaterThan`). */
const normalize = (t: string) => t.replace(/^Condition/, "");

export function evaluateCondition(c: JsonValue, scope: Scope, checks: JsonObject[]): boolean {
  if (!isObject(c) || typeof c.Type !== "string") throw new ExpressionError("A condition needs a Type.");
  const type = normalize(c.Type);
  switch (type) {
    case "Equals":
    case "GreaterThan":
    case "GreaterThanOrEqualTo":
    case "LessThan":
    case "LessThanOrEqualTo": {
      const l = evaluate(c.LeftValue ?? null, scope);
      const r = evaluate(c.RightValue ?? null, scope);
      const result = type === "Equals" ? equal(l, r) : compare(type, l, r);
      checks.push({ Type: type, LeftValue: l, RightValue: r, Outcome: result });
      return result;
    }
    case "In":
    case "NotIn": {
      const q = evaluate(c.QueryValue ?? c.Value ?? null, scope);
      const raw = c.Values ?? c.In ?? [];
      const values = Array.isArray(raw) ? raw.map((v) => evaluate(v, scope)) : [];
      const found = values.some((v) => equal(q, v));
      const result = type === "In" ? found : !found;
      checks.push({ Type: type, QueryValue: q, Values: values, Outcome: result });
      return result;
    }
    case "Not":
      return !evaluateCondition(c.Condition ?? c.Expression ?? null, scope, checks);
    case "Or": {
      const list = Array.isArray(c.Conditions) ? c.Conditions : [];
      // evaluate all, so every compared value is recorded
      return list.map((x) => evaluateCondition(x, scope, checks)).some(Boolean);
    }
    default:
      throw new ExpressionError(`Unknown condition type '${c.Type}'.`);
  }
}

export function evaluateConditions(conditions: JsonValue | undefined, scope: Scope): Evaluated {
  const list = Array.isArray(conditions) ? conditions : [];
  const checks: JsonObject[] = [];
  const outcome = list.map((c) => evaluateCondition(c, scope, checks)).every(Boolean);
  return { outcome, checks };
}
