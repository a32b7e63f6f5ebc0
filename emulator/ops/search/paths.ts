/**
 * Property paths as `Search` filters and `SortBy` name them: plain nested paths (`Status.PrimaryStatus`,
 * `Parents.ExperimentName` — arrays fan out), plus the keyed forms `Metrics.<name>[.<stat>]`,
 * `Parameters.<name>`, `HyperParameters.<name>` and `Tags.<key>`.
 */
import { isObject, type JsonObject, type JsonValue } from "../../core/json";

export type Scalar = string | number | boolean;

const STATS = new Set(["Max", "Min", "Last", "Count", "Avg", "StdDev", "TimeStamp", "Value", "SourceArn"]);

type Found = Scalar | JsonObject;

function flatten(value: JsonValue | undefined, out: Found[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) for (const x of value) flatten(x, out);
  else out.push(value);
}

/** Walks a dotted path; a member whose own name contains dots is matched before splitting further. */
function walk(value: JsonValue | undefined, rest: string, out: Found[]): void {
  if (value === undefined || value === null) return;
  if (rest === "") {
    flatten(value, out);
    return;
  }
  if (Array.isArray(value)) {
    for (const x of value) walk(x, rest, out);
    return;
  }
  if (!isObject(value)) return;
  if (rest in value) {
    walk(value[rest], "", out);
    return;
  }
  for (let i = rest.indexOf("."); i > 0; i = rest.indexOf(".", i + 1)) {
    const key = rest.slice(0, i);
    if (key in value) {
      walk(value[key], rest.slice(i + 1), out);
      return;
    }
  }
}

/** `Metrics.<name>` → the summary's Last (a training job's final Value); `Metrics.<name>.<stat>` → that stat. */
function metric(list: JsonValue[], rest: string): Scalar[] | undefined {
  if (STATS.has(rest) || rest === "MetricName") return undefined;
  const find = (name: string) =>
    list.find((m) => isObject(m) && m.MetricName === name) as JsonObject | undefined;
  const whole = find(rest);
  if (whole) {
    const v = whole.Last ?? whole.Value;
    return typeof v === "number" ? [v] : [];
  }
  const dot = rest.lastIndexOf(".");
  if (dot > 0 && STATS.has(rest.slice(dot + 1))) {
    const m = find(rest.slice(0, dot));
    const v = m?.[rest.slice(dot + 1)];
    return typeof v === "number" || typeof v === "string" ? [v] : [];
  }
  return [];
}

/** Every scalar a record holds at a property path (empty when it has none). */
export function resolve(record: JsonObject, path: string): Scalar[] {
  const dot = path.indexOf(".");
  if (dot > 0) {
    const head = path.slice(0, dot);
    const rest = path.slice(dot + 1);
    const field = record[head];
    if (head === "Metrics") {
      const list = Array.isArray(field)
        ? field
        : Array.isArray(record.FinalMetricDataList)
          ? record.FinalMetricDataList
          : undefined;
      const found = list ? metric(list, rest) : [];
      if (found) return found;
    } else if (head === "Tags" && Array.isArray(field) && rest !== "Key" && rest !== "Value") {
      const out: Scalar[] = [];
      for (const t of field)
        if (isObject(t) && t.Key === rest && typeof t.Value === "string") out.push(t.Value);
      return out;
    } else if (head === "Parameters" && isObject(field)) {
      const pv = field[rest];
      if (isObject(pv)) {
        const v = pv.NumberValue ?? pv.StringValue;
        return typeof v === "number" || typeof v === "string" ? [v] : [];
      }
    } else if (head === "HyperParameters" && isObject(field)) {
      const hv = field[rest];
      if (typeof hv === "string" || typeof hv === "number") return [hv];
    }
  }
  const out: Found[] = [];
  walk(record, path, out);
  return out.filter((x): x is Scalar => !isObject(x));
}

/** Whether a record has anything (a scalar, an object, a non-empty list) at a property path. */
export function exists(record: JsonObject, path: string): boolean {
  if (resolve(record, path).length > 0) return true;
  const out: Found[] = [];
  walk(record, path, out);
  return out.length > 0;
}

/** Every object at a path (for NestedFilters: the elements of `Parents`, `Metrics`, …). */
export function resolveObjects(record: JsonObject, path: string): JsonObject[] {
  let current: JsonValue[] = [record];
  for (const seg of path.split(".")) {
    const next: JsonValue[] = [];
    for (const c of current) {
      const items = Array.isArray(c) ? c : [c];
      for (const item of items) {
        if (!isObject(item)) continue;
        const v = item[seg];
        if (v === undefined || v === null) continue;
        if (Array.isArray(v)) next.push(...v);
        else next.push(v);
      }
    }
    current = next;
  }
  return current.filter(isObject);
}

function asNumber(text: string): number | undefined {
  if (text.trim() !== "") {
    const n = Number(text);
    if (Number.isFinite(n)) return n;
  }
  const t = Date.parse(text);
  return Number.isFinite(t) ? t / 1000 : undefined;
}

/** A Value `comparer` compares numerically with numeric strings. */
export const NUMERIC = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

const EMPTY: readonly Scalar[] = Object.freeze([]);

/**
 * A compiled `resolve` for one path, used once per record in a request: the hot `Metrics.<name>[.<stat>]`
 * and top-level forms avoid re-parsing the path and allocating for every record.
 */
export function accessor(path: string): (record: JsonObject) => readonly Scalar[] {
  const dot = path.indexOf(".");
  if (dot < 0)
    return (r) => {
      const v = r[path];
      if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return [v];
      return v === undefined || v === null ? EMPTY : resolve(r, path);
    };
  const head = path.slice(0, dot);
  const rest = path.slice(dot + 1);
  if (head !== "Metrics" || STATS.has(rest) || rest === "MetricName") return (r) => resolve(r, path);
  const last = rest.lastIndexOf(".");
  const stat = last > 0 && STATS.has(rest.slice(last + 1)) ? rest.slice(last + 1) : undefined;
  const statOf = stat === undefined ? undefined : rest.slice(0, last);
  return (r) => {
    const list = Array.isArray(r.Metrics)
      ? r.Metrics
      : Array.isArray(r.FinalMetricDataList)
        ? r.FinalMetricDataList
        : undefined;
    if (!list) return EMPTY;
    for (const m of list) {
      if (isObject(m) && m.MetricName === rest) {
        const v = m.Last ?? m.Value;
        return typeof v === "number" ? [v] : EMPTY;
      }
    }
    if (stat === undefined) return EMPTY;
    for (const m of list) {
      if (isObject(m) && m.MetricName === statOf) {
        const v = m[stat];
        return typeof v === "number" || typeof v === "string" ? [v] : EMPTY;
      }
    }
    return EMPTY;
  };
}

/**
 * Compares a record's value with a filter's string Value: numbers (and timestamps, which are epoch
 * seconds — the filter may give epoch seconds or ISO-8601) numerically, numeric strings numerically
 * against numbers, other strings by code point. `undefined` when the two cannot be compared.
 * The filter Value is parsed once; the returned function compares one record value with it.
 */
export function comparer(filter: string): (value: Scalar) => number | undefined {
  const num = asNumber(filter);
  const numericText = NUMERIC.test(filter);
  const asNum = Number(filter);
  const lower = filter.toLowerCase();
  return (value) => {
    if (typeof value === "number") return num === undefined ? undefined : value - num;
    if (typeof value === "boolean") {
      const b = String(value);
      return b === lower ? 0 : b < lower ? -1 : 1;
    }
    if (numericText && NUMERIC.test(value)) return Number(value) - asNum;
    return value === filter ? 0 : value < filter ? -1 : 1;
  };
}
