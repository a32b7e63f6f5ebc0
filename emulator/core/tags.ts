import { validation } from "./errors";
import { isObject, type JsonValue } from "./json";
import { defineCollection, type State } from "./state";

export interface Tag {
  Key: string;
  Value: string;
  [k: string]: string;
}

/** Tags of every resource, keyed by resource ARN (AddTags/ListTags/DeleteTags and Search read this). */
export const tagStore = defineCollection<Tag[]>("tags");

export function getTags(state: State, arn: string): Tag[] {
  return tagStore(state).get(arn) ?? [];
}

/** Validates a `Tags` member (≤50, Key 1-128, Value 0-256) and returns it typed. */
export function parseTags(value: JsonValue | undefined, member = "tags"): Tag[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw validation(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a list`,
    );
  if (value.length > 50)
    throw validation(
      `1 validation error detected: Value '[...]' at '${member}' failed to satisfy constraint: Member must have length less than or equal to 50`,
    );
  return value.map((t, i) => {
    if (!isObject(t) || typeof t.Key !== "string" || t.Key.length < 1 || t.Key.length > 128)
      throw validation(
        `1 validation error detected: Value at '${member}.${i + 1}.member.key' failed to satisfy constraint: Member must have length between 1 and 128`,
      );
    const v = typeof t.Value === "string" ? t.Value : "";
    if (v.length > 256)
      throw validation(
        `1 validation error detected: Value at '${member}.${i + 1}.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
      );
    return { Key: t.Key, Value: v };
  });
}

/** Adds or overwrites tags on a resource (AddTags semantics). */
export function addTags(state: State, arn: string, tags: Tag[]): Tag[] {
  if (tags.length === 0 && tagStore(state).has(arn)) return getTags(state, arn);
  const byKey = new Map(getTags(state, arn).map((t) => [t.Key, t]));
  for (const t of tags) byKey.set(t.Key, { Key: t.Key, Value: t.Value });
  const merged = [...byKey.values()];
  tagStore(state).set(arn, merged);
  return merged;
}

export function removeTags(state: State, arn: string, keys: string[]): void {
  const remaining = getTags(state, arn).filter((t) => !keys.includes(t.Key));
  tagStore(state).set(arn, remaining);
}
