/**
 * Checks a JSON 1.1 answer against the service model: required members present, no member the model does not
 * define, JSON types (timestamps are epoch-seconds numbers), enums, string patterns and lengths, list and map
 * sizes, numeric ranges, unions with exactly one member; errors: a known `__type` whose body has only the error
 * shape's members (plus `message`, which AWS's JSON protocol sends in lower case).
 */
import type { Shape, ServiceModel } from "./model";

/** Errors any AWS JSON service may answer, whatever the operation declares. */
const COMMON_ERRORS = new Set([
  "ValidationException",
  "ThrottlingException",
  "AccessDeniedException",
  "UnknownOperationException",
  "MissingAuthenticationTokenException",
  "SerializationException",
  "InternalFailure",
  "ServiceUnavailable",
  "IncompleteSignature",
  "InvalidClientTokenId",
  "RequestExpired",
  "UnrecognizedClientException",
  "ExpiredTokenException",
]);

export class ShapeValidator {
  private readonly patterns = new Map<string, RegExp | null>();

  constructor(readonly model: ServiceModel) {}

  hasOperation(operation: string): boolean {
    return operation in this.model.operations;
  }

  /** Violations of a successful answer, each as `Operation: path: problem`. */
  output(operation: string, body: unknown): string[] {
    const op = this.model.operations[operation];
    if (!op) return [`${operation}: not an operation of the service model`];
    const out: string[] = [];
    if (!op.output) {
      if (body && typeof body === "object" && Object.keys(body).length > 0)
        out.push(`${operation}: the model defines no output, got members ${Object.keys(body).join(", ")}`);
      return out;
    }
    this.check(op.output.shape, body, operation, out);
    return out;
  }

  /** Violations of an error answer. */
  error(operation: string, status: number, body: unknown): string[] {
    const out: string[] = [];
    if (!isRecord(body) || typeof body.__type !== "string") return [`${operation}: error without __type`];
    const code = body.__type.split("#").pop() ?? "";
    const op = this.model.operations[operation];
    const declared = new Set((op?.errors ?? []).map((e) => e.shape));
    const shape = this.model.shapes[code];
    if (!declared.has(code) && !COMMON_ERRORS.has(code))
      out.push(
        `${operation}: error ${code} is not declared by the operation (${[...declared].join(", ") || "none"})`,
      );
    if (status < 400 || status > 599) out.push(`${operation}: error ${code} with status ${status}`);
    if (typeof body.message !== "string" && typeof body.Message !== "string")
      out.push(`${operation}: error ${code} without a message`);
    for (const [k, v] of Object.entries(body)) {
      if (k === "__type" || k === "message") continue;
      const ref = shape?.members?.[k];
      if (ref) this.check(ref.shape, v, `${operation}: ${code}.${k}`, out);
      else if (!(k === "Message" && !shape))
        out.push(`${operation}: error ${code} has member ${k} the model does not define`);
    }
    return out;
  }

  private check(name: string, value: unknown, at: string, out: string[]): void {
    const shape = this.model.shapes[name];
    if (!shape) return void out.push(`${at}: unknown shape ${name}`);
    switch (shape.type) {
      case "structure":
        return this.structure(shape, value, at, out);
      case "list":
        if (!Array.isArray(value))
          return void out.push(`${at}: expected a list (${name}), got ${kind(value)}`);
        this.size(shape, value.length, at, "items", out);
        value.forEach((v, i) => this.check(shape.member?.shape ?? "", v, `${at}[${i}]`, out));
        return;
      case "map":
        if (!isRecord(value)) return void out.push(`${at}: expected a map (${name}), got ${kind(value)}`);
        this.size(shape, Object.keys(value).length, at, "entries", out);
        for (const [k, v] of Object.entries(value)) {
          this.check(shape.key?.shape ?? "", k, `${at}{${k}}`, out);
          this.check(shape.value?.shape ?? "", v, `${at}.${k}`, out);
        }
        return;
      case "string":
        return this.string(name, shape, value, at, out);
      case "integer":
      case "long":
        if (typeof value !== "number" || !Number.isInteger(value))
          return void out.push(`${at}: expected an integer (${name}), got ${show(value)}`);
        return this.range(shape, value, at, out);
      case "float":
      case "double":
        if (typeof value !== "number" || !Number.isFinite(value))
          return void out.push(`${at}: expected a number (${name}), got ${show(value)}`);
        return this.range(shape, value, at, out);
      case "boolean":
        if (typeof value !== "boolean") out.push(`${at}: expected a boolean (${name}), got ${show(value)}`);
        return;
      case "timestamp":
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
          out.push(`${at}: expected epoch seconds (${name}), got ${show(value)}`);
        else if (value > 1e11) out.push(`${at}: timestamp ${value} looks like milliseconds, not seconds`);
        return;
      case "blob":
        if (typeof value !== "string") out.push(`${at}: expected base64 text (${name}), got ${kind(value)}`);
        return;
      default:
        out.push(`${at}: shape ${name} has unsupported type ${shape.type}`);
    }
  }

  private structure(shape: Shape, value: unknown, at: string, out: string[]): void {
    if (!isRecord(value)) return void out.push(`${at}: expected a structure, got ${kind(value)}`);
    const members = shape.members ?? {};
    for (const req of shape.required ?? [])
      if (value[req] === undefined) out.push(`${at}.${req}: required member missing`);
    let set = 0;
    for (const [k, v] of Object.entries(value)) {
      const ref = members[k];
      if (!ref) {
        out.push(`${at}.${k}: member the model does not define`);
        continue;
      }
      if (v === null) {
        out.push(`${at}.${k}: null (absent members must be omitted)`);
        continue;
      }
      set++;
      if (ref.jsonvalue && typeof v !== "string") out.push(`${at}.${k}: expected a JSON string (jsonvalue)`);
      else this.check(ref.shape, v, `${at}.${k}`, out);
    }
    if (shape.union && set !== 1) out.push(`${at}: a union must have exactly one member, has ${set}`);
  }

  private string(name: string, shape: Shape, value: unknown, at: string, out: string[]): void {
    if (typeof value !== "string")
      return void out.push(`${at}: expected a string (${name}), got ${show(value)}`);
    if (shape.enum && !shape.enum.includes(value))
      out.push(`${at}: '${value}' is not one of ${name}'s values [${shape.enum.join(", ")}]`);
    this.size(shape, [...value].length, at, "characters", out);
    const re = shape.pattern === undefined ? null : this.regex(shape.pattern);
    if (re && !re.test(value))
      out.push(`${at}: '${clip(value)}' does not match ${name}'s pattern ${shape.pattern}`);
  }

  private size(shape: Shape, n: number, at: string, unit: string, out: string[]): void {
    if (shape.min !== undefined && n < shape.min)
      out.push(`${at}: ${n} ${unit}, fewer than the minimum ${shape.min}`);
    if (shape.max !== undefined && n > shape.max)
      out.push(`${at}: ${n} ${unit}, more than the maximum ${shape.max}`);
  }

  private range(shape: Shape, n: number, at: string, out: string[]): void {
    if (shape.min !== undefined && n < shape.min) out.push(`${at}: ${n} is below the minimum ${shape.min}`);
    if (shape.max !== undefined && n > shape.max) out.push(`${at}: ${n} is above the maximum ${shape.max}`);
  }

  /** Model patterns are Java regular expressions matched against the whole value; null if JS cannot compile one. */
  private regex(pattern: string): RegExp | null {
    if (!this.patterns.has(pattern)) {
      // Java-isms: \p{Alnum}, and a quantified end anchor `(…)${1,128}` (the length is checked by min/max)
      const java = pattern.replaceAll("\\p{Alnum}", "\\p{L}\\p{N}").replace(/\$\{\d+,\d+\}$/, "");
      const source = `^(?:${java})$`;
      let re: RegExp | null = null;
      // without the u flag, \p{L} would mean a literal 'p': such a pattern is skipped rather than misread
      for (const flags of source.includes("\\p{") ? ["u"] : ["u", ""]) {
        try {
          re = new RegExp(source, flags);
          break;
        } catch {
          re = null;
        }
      }
      this.patterns.set(pattern, re);
    }
    return this.patterns.get(pattern) ?? null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v;
}

function show(v: unknown): string {
  if (v === null || typeof v === "object" || typeof v === "function") return kind(v);
  return `${typeof v} ${clip(JSON.stringify(v) ?? String(typeof v))}`;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
