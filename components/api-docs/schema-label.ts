import type { JsonSchema } from "@/lib/api/openapi/schema";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// draft-04 wrote exclusiveMinimum as a boolean; 2020-12 (what zod writes here) as the bound
const numberOr = (value: number | boolean | undefined) => (typeof value === "number" ? value : undefined);

function range(
  low: number | undefined,
  high: number | undefined,
  unit: string,
  exclusive = false,
): string | null {
  const hi = high === undefined || high >= MAX_SAFE ? undefined : high;
  if (low === undefined && hi === undefined) return null;
  if (hi === undefined) return `${exclusive ? ">" : "≥"} ${low}${unit}`;
  if (low === undefined) return `≤ ${hi}${unit}`;
  if (exclusive) return `> ${low}, ≤ ${hi}${unit}`;
  return low === hi ? `${low}${unit}` : `${low}–${hi}${unit}`;
}

/** A field's type as a reader wants it: "integer, 1–50", "one of Staging, Production", "array of string". */
export function schemaLabel(schema: JsonSchema | boolean | undefined): string {
  if (schema === undefined || typeof schema === "boolean") return "any";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((value) => String(value)).join(", ")}`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map((inner) => schemaLabel(inner)).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  const parts: string[] = [type];
  if (type === "array" && schema.items && !Array.isArray(schema.items)) {
    parts[0] = `array of ${schemaLabel(schema.items)}`;
    const count = range(schema.minItems, schema.maxItems, " items");
    if (count) parts.push(count);
  }
  if (schema.format) parts.push(schema.format);
  const size =
    type === "string"
      ? range(schema.minLength, schema.maxLength, " chars")
      : schema.minimum === undefined && numberOr(schema.exclusiveMinimum) !== undefined
        ? range(numberOr(schema.exclusiveMinimum), schema.maximum, "", true)
        : range(schema.minimum, schema.maximum, "");
  if (size) parts.push(size);
  return parts.join(", ");
}
