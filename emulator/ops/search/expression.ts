/** `SearchExpression`: validation in AWS's words and compilation to a record predicate. */
import { validation } from "../../core/errors";
import { isObject, type JsonObject, type JsonValue } from "../../core/json";
import { memberPath, type Validator } from "../../core/validate";
import { accessor, comparer, exists, NUMERIC, resolveObjects, type Scalar } from "./paths";

export const OPERATORS = [
  "Equals",
  "NotEquals",
  "GreaterThan",
  "GreaterThanOrEqualTo",
  "LessThan",
  "LessThanOrEqualTo",
  "Contains",
  "Exists",
  "NotExists",
  "In",
] as const;
export type FilterOperator = (typeof OPERATORS)[number];

export interface Filter {
  Name: string;
  Operator: FilterOperator;
  Value?: string;
}
export interface Nested {
  NestedPropertyName: string;
  Filters: Filter[];
}
export interface Expression {
  Filters: Filter[];
  NestedFilters: Nested[];
  SubExpressions: Expression[];
  Operator: "And" | "Or";
}

export const MAX_FILTERS = 50;

function readFilter(v: Validator, f: JsonValue, path: string): Filter | undefined {
  if (!isObject(f)) {
    v.fail(`Value at '${memberPath(path)}' failed to satisfy constraint: Member must be a structure`);
    return undefined;
  }
  const name = v.string("Name", { required: true, min: 1, max: 255 }, f, `${path}.Name`);
  const op = v.string("Operator", { enum: OPERATORS }, f, `${path}.Operator`) as FilterOperator | undefined;
  const value = v.string("Value", { min: 1, max: 1024 }, f, `${path}.Value`);
  if (name === undefined) return undefined;
  const operator = op ?? "Equals";
  if (value === undefined && operator !== "Exists" && operator !== "NotExists") {
    v.fail(`A Value is required for the ${operator} operator on filter '${name}'.`);
    return undefined;
  }
  return value === undefined
    ? { Name: name, Operator: operator }
    : { Name: name, Operator: operator, Value: value };
}

function readFilters(
  v: Validator,
  from: JsonObject,
  member: string,
  path: string,
  required = false,
): Filter[] {
  const list = v.array(member, { required, min: 1, max: 20 }, from, `${path}.${member}`) ?? [];
  const out: Filter[] = [];
  list.forEach((f, i) => {
    const parsed = readFilter(v, f, `${path}.${member}.${i + 1}.member`);
    if (parsed) out.push(parsed);
  });
  return out;
}

/** Reads and checks a SearchExpression (≤20 of each list per level, ≤50 filters in total). */
export function readExpression(v: Validator, e: JsonValue | undefined, path: string): Expression | undefined {
  if (e === undefined || e === null) return undefined;
  if (!isObject(e)) {
    v.fail(`Value at '${memberPath(path)}' failed to satisfy constraint: Member must be a structure`);
    return undefined;
  }
  const filters = readFilters(v, e, "Filters", path);
  const nested: Nested[] = [];
  (v.array("NestedFilters", { min: 1, max: 20 }, e, `${path}.NestedFilters`) ?? []).forEach((n, i) => {
    const npath = `${path}.NestedFilters.${i + 1}.member`;
    if (!isObject(n)) {
      v.fail(`Value at '${memberPath(npath)}' failed to satisfy constraint: Member must be a structure`);
      return;
    }
    const prop = v.string(
      "NestedPropertyName",
      { required: true, min: 1, max: 255 },
      n,
      `${npath}.NestedPropertyName`,
    );
    const fs = readFilters(v, n, "Filters", npath, true);
    if (prop === undefined) return;
    for (const f of fs)
      if (!f.Name.startsWith(`${prop}.`))
        v.fail(`The filter name '${f.Name}' in NestedFilters must begin with NestedPropertyName '${prop}.'.`);
    nested.push({ NestedPropertyName: prop, Filters: fs });
  });
  const subs: Expression[] = [];
  const subList = v.array("SubExpressions", { min: 1, max: 20 }, e, `${path}.SubExpressions`) ?? [];
  subList.forEach((s, i) => {
    const sub = readExpression(v, s, `${path}.SubExpressions.${i + 1}.member`);
    if (sub) subs.push(sub);
  });
  const op = v.string("Operator", { enum: ["And", "Or"] }, e, `${path}.Operator`) as "And" | "Or" | undefined;
  return { Filters: filters, NestedFilters: nested, SubExpressions: subs, Operator: op ?? "And" };
}

export function countFilters(e: Expression): number {
  let n = e.Filters.length;
  for (const nf of e.NestedFilters) n += nf.Filters.length;
  for (const s of e.SubExpressions) n += countFilters(s);
  return n;
}

export function checkFilterCount(e: Expression | undefined): void {
  if (!e) return;
  const n = countFilters(e);
  if (n > MAX_FILTERS)
    throw validation(
      `The SearchExpression has ${n} filters. A SearchExpression can contain at most ${MAX_FILTERS} filters, including those in NestedFilters and SubExpressions.`,
    );
}

export type Predicate = (record: JsonObject) => boolean;
/** Reads the values at a property path: `accessor`, or a column of them kept for a set of records. */
export type Getter = (path: string) => (record: JsonObject) => readonly Scalar[];

/** Whether any of `values` satisfies `test` (a loop, not `.some`: this runs once per record per filter). */
function someValue(values: readonly Scalar[], test: (x: Scalar) => boolean): boolean {
  for (let i = 0; i < values.length; i++) if (test(values[i]!)) return true;
  return false;
}

/** The test one record value must pass for a comparison operator, its filter Value parsed once. */
function valueTest(op: FilterOperator, value: string): (x: Scalar) => boolean {
  switch (op) {
    case "In": {
      const options = value.split(",").map((o) => comparer(o.trim()));
      return (x) => {
        for (let i = 0; i < options.length; i++) if (options[i]!(x) === 0) return true;
        return false;
      };
    }
    case "Contains":
      return (x) => String(x).includes(value);
    default: {
      const c = comparer(value);
      switch (op) {
        case "Equals":
        case "NotEquals":
          // a non-numeric Value is equal to a string only when it is that string (no ordering needed)
          if (NUMERIC.test(value)) return (x) => c(x) === 0;
          return (x) => (typeof x === "string" ? x === value : c(x) === 0);
        case "GreaterThan":
          return (x) => (c(x) ?? NaN) > 0;
        case "GreaterThanOrEqualTo":
          return (x) => (c(x) ?? NaN) >= 0;
        case "LessThan":
          return (x) => (c(x) ?? NaN) < 0;
        default:
          return (x) => (c(x) ?? NaN) <= 0;
      }
    }
  }
}

function filterPredicate(f: Filter, getter: Getter = accessor): Predicate {
  const name = f.Name;
  const get = getter(name);
  // `exists` is `resolve` (which `get` reads) being non-empty, else anything (an object, a list) at the path
  if (f.Operator === "Exists") return (r) => get(r).length > 0 || exists(r, name);
  if (f.Operator === "NotExists") return (r) => get(r).length === 0 && !exists(r, name);
  const test = valueTest(f.Operator, f.Value ?? "");
  if (f.Operator === "NotEquals") return (r) => !someValue(get(r), test);
  return (r) => someValue(get(r), test);
}

/** Compiles an expression: Filters, NestedFilters (one element satisfies all its filters) and SubExpressions. */
export function compile(e: Expression, getter: Getter = accessor): Predicate {
  const parts: Predicate[] = [
    ...e.Filters.map((f) => filterPredicate(f, getter)),
    ...e.NestedFilters.map((n): Predicate => {
      const inner = n.Filters.map((f) =>
        filterPredicate({ ...f, Name: f.Name.slice(n.NestedPropertyName.length + 1) }),
      );
      return (r) => resolveObjects(r, n.NestedPropertyName).some((el) => inner.every((p) => p(el)));
    }),
    ...e.SubExpressions.map((x) => compile(x, getter)),
  ];
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0]!;
  if (e.Operator === "Or")
    return (r) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(r)) return true;
      return false;
    };
  return (r) => {
    for (let i = 0; i < parts.length; i++) if (!parts[i]!(r)) return false;
    return true;
  };
}
