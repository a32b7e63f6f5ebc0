import type { JsonValue } from "../../../core/json";

/** A primitive JSON value as text; objects and absent values give the fallback. */
export function text(v: JsonValue | undefined, fallback = ""): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return fallback;
}

/** Any JSON value as text (objects as JSON). */
export function show(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}
