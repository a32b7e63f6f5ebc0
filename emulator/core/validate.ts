import { validation } from "./errors";
import { isObject, type JsonObject, type JsonValue } from "./json";

/** lowerCamel member path as AWS prints it: `ModelPackageGroupName` -> `modelPackageGroupName`. */
export function memberPath(path: string): string {
  return path
    .split(".")
    .map((p) => (p.length > 0 ? p[0]!.toLowerCase() + p.slice(1) : p))
    .join(".");
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** the pattern as AWS prints it (defaults to pattern.source) */
  patternText?: string;
  enum?: readonly string[];
}

export interface NumberRule {
  required?: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
}

/**
 * Collects constraint violations the way SageMaker reports them:
 * `1 validation error detected: Value 'x' at 'modelName' failed to satisfy constraint: Member must …`
 * and for several: `2 validation errors detected: …; …`.
 */
export class Validator {
  private readonly errors: string[] = [];

  constructor(private readonly input: JsonObject) {}

  fail(message: string): this {
    this.errors.push(message);
    return this;
  }

  private violation(value: unknown, path: string, constraint: string): void {
    this.errors.push(
      `Value ${value === undefined || value === null ? "null" : `'${show(value)}'`} at '${memberPath(path)}' failed to satisfy constraint: ${constraint}`,
    );
  }

  /** Reads a string member (top-level name or dotted path in `from`). */
  string(
    name: string,
    rule: StringRule = {},
    from: JsonObject = this.input,
    path = name,
  ): string | undefined {
    const value = from[name];
    if (value === undefined || value === null) {
      if (rule.required) this.violation(undefined, path, "Member must not be null");
      return undefined;
    }
    if (typeof value !== "string") {
      this.errors.push(
        `Value '${show(value)}' at '${memberPath(path)}' failed to satisfy constraint: Member must be a string`,
      );
      return undefined;
    }
    if (rule.min !== undefined && value.length < rule.min)
      this.violation(value, path, `Member must have length greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value.length > rule.max)
      this.violation(value, path, `Member must have length less than or equal to ${rule.max}`);
    if (rule.pattern && !rule.pattern.test(value))
      this.violation(
        value,
        path,
        `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source.replace(/\$$/, "")}`,
      );
    if (rule.enum && !rule.enum.includes(value))
      this.violation(value, path, `Member must satisfy enum value set: [${rule.enum.join(", ")}]`);
    return value;
  }

  number(
    name: string,
    rule: NumberRule = {},
    from: JsonObject = this.input,
    path = name,
  ): number | undefined {
    const value = from[name];
    if (value === undefined || value === null) {
      if (rule.required) this.violation(undefined, path, "Member must not be null");
      return undefined;
    }
    if (typeof value !== "number" || Number.isNaN(value)) {
      this.errors.push(
        `Value '${show(value)}' at '${memberPath(path)}' failed to satisfy constraint: Member must be a number`,
      );
      return undefined;
    }
    if (rule.integer && !Number.isInteger(value)) this.violation(value, path, "Member must be an integer");
    if (rule.min !== undefined && value < rule.min)
      this.violation(value, path, `Member must have value greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value > rule.max)
      this.violation(value, path, `Member must have value less than or equal to ${rule.max}`);
    return value;
  }

  boolean(name: string, rule: { required?: boolean } = {}, from: JsonObject = this.input, path = name) {
    const value = from[name];
    if (value === undefined || value === null) {
      if (rule.required) this.violation(undefined, path, "Member must not be null");
      return undefined;
    }
    if (typeof value !== "boolean") {
      this.errors.push(
        `Value '${show(value)}' at '${memberPath(path)}' failed to satisfy constraint: Member must be a boolean`,
      );
      return undefined;
    }
    return value;
  }

  /** Epoch-seconds timestamp (the SDK sends numbers; numeric strings are accepted too). */
  timestamp(name: string, rule: { required?: boolean } = {}, from: JsonObject = this.input, path = name) {
    const value = from[name];
    if (value === undefined || value === null) {
      if (rule.required) this.violation(undefined, path, "Member must not be null");
      return undefined;
    }
    const n = typeof value === "string" ? Number(value) : value;
    if (typeof n !== "number" || !Number.isFinite(n)) {
      this.errors.push(
        `Value '${show(value)}' at '${memberPath(path)}' failed to satisfy constraint: Member must be a timestamp`,
      );
      return undefined;
    }
    return n;
  }

  object(name: string, rule: { required?: boolean } = {}, from: JsonObject = this.input, path = name) {
    const value = from[name];
    if (value === undefined || value === null) {
      if (rule.required) this.violation(undefined, path, "Member must not be null");
      return undefined;
    }
    if (!isObject(value)) {
      this.errors.push(
        `Value '${show(value)}' at '${memberPath(path)}' failed to satisfy constraint: Member must be a structure`,
      );
      return undefined;
    }
    return value;
  }

  array(
    name: string,
    rule: { required?: boolean; min?: number; max?: number } = {},
    from: JsonObject = this.input,
    path = name,
  ): JsonValue[] | undefined {
    const value = from[name];
    if (value === undefined || value === null) {
      if (rule.required) this.violation(undefined, path, "Member must not be null");
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.errors.push(
        `Value '${show(value)}' at '${memberPath(path)}' failed to satisfy constraint: Member must be a list`,
      );
      return undefined;
    }
    if (rule.min !== undefined && value.length < rule.min)
      this.violation(value, path, `Member must have length greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && value.length > rule.max)
      this.violation(value, path, `Member must have length less than or equal to ${rule.max}`);
    return value;
  }

  /** `MaxResults` 1–100 (or another range) — returns the value or the default. */
  maxResults(def = 10, min = 1, max = 100): number {
    return this.number("MaxResults", { min, max, integer: true }) ?? def;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Throws a ValidationException listing every violation, if any. */
  done(): void {
    if (this.errors.length === 0) return;
    const n = this.errors.length;
    throw validation(`${n} validation error${n > 1 ? "s" : ""} detected: ${this.errors.join("; ")}`);
  }
}

/** Name patterns used across SageMaker. */
export const NAME_PATTERN = {
  /** Experiments, trials, trial components, pipelines (length is checked separately). */
  entity: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}$/,
  pipeline: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/,
  /** Models, endpoints, endpoint configs, model package groups. */
  resource: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
  model: /^[a-zA-Z0-9]([\-a-zA-Z0-9]*[a-zA-Z0-9])?$/,
} as const;

export const SORT_ORDER = ["Ascending", "Descending"] as const;
