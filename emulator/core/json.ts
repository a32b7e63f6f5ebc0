/** JSON values as they travel on the wire. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep copy that drops `undefined` members (AWS omits absent members, never sends null). */
export function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v))) as T;
}

/** Stable JSON: keys sorted, used to compare idempotent requests. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Small value readers shared by the operation areas. */
export const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function str(v: JsonValue | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}
export function num(v: JsonValue | undefined): number | undefined {
  return typeof v === "number" ? v : undefined;
}
export function obj(v: JsonValue | undefined): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}
