/** The registry's CustomerMetadataProperties check (CreateModelPackage, UpdateModelPackage). */
import { validation } from "../../core/errors";
import { isObject, type JsonValue } from "../../core/json";

/** CustomerMetadataProperties: 1-50 entries, keys 1-128, values 1-256, AWS's character pattern. */
const META_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export function parseCustomerMetadata(value: JsonValue | undefined, member = "customerMetadataProperties") {
  if (value === undefined) return undefined;
  if (!isObject(value))
    throw validation(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a map`,
    );
  const entries = Object.entries(value);
  const errors: string[] = [];
  if (entries.length < 1 || entries.length > 50)
    errors.push(
      `Value at '${member}' failed to satisfy constraint: Member must have length between 1 and 50`,
    );
  const out: Record<string, string> = {};
  for (const [k, raw] of entries) {
    if (k.length < 1 || k.length > 128 || !META_PATTERN.test(k))
      errors.push(
        `Value '${k}' at '${member}' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$]`,
      );
    if (typeof raw !== "string" || raw.length < 1 || raw.length > 256 || !META_PATTERN.test(raw))
      errors.push(
        `Value '${typeof raw === "string" ? raw : JSON.stringify(raw)}' at '${member}.${k}' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$]`,
      );
    else out[k] = raw;
  }
  if (errors.length)
    throw validation(
      `${errors.length} validation error${errors.length > 1 ? "s" : ""} detected: ${errors.join("; ")}`,
    );
  return out;
}

/** Deep copy of a JSON object (records handed out must not alias stored ones). */
