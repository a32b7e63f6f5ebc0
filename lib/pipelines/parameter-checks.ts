/**
 * The start-run form's rules, zod-free: the browser form checks each field with these (no zod in its bundle) and
 * the server's schema (parameters.ts) applies the same functions. Values travel as strings, like SageMaker's API.
 */
import type { PipelineParameter } from "./definition";

/** What the form holds and sends: `{ parameters: { Name: "value" }, displayName?, description? }`. */
export interface StartRunValues {
  parameters: Record<string, string>;
  displayName?: string;
  description?: string;
}

/** Integer, Float and Boolean values are sent without surrounding spaces; String values as typed. */
export function trimsValue(p: PipelineParameter): boolean {
  return p.type === "Integer" || p.type === "Float" || p.type === "Boolean";
}

/** The value as it is sent. */
export function normaliseValue(p: PipelineParameter, raw: string): string {
  return trimsValue(p) ? raw.trim() : raw;
}

/** Why `raw` does not suit parameter `p`, or null when it does. */
export function parameterProblem(p: PipelineParameter, raw: string): string | null {
  const v = normaliseValue(p, raw);
  switch (p.type) {
    case "Integer":
      return /^[-+]?\d+$/.test(v) ? null : `${p.name} must be a whole number (Integer).`;
    case "Float":
      return v !== "" && Number.isFinite(Number(v)) ? null : `${p.name} must be a number (Float).`;
    case "Boolean":
      return /^(true|false)$/i.test(v) ? null : `${p.name} must be true or false (Boolean).`;
    default: {
      if (v.length > 1024) return `${p.name} must be at most 1024 characters.`;
      if (p.enumValues && p.enumValues.length > 0)
        return p.enumValues.includes(v) ? null : `${p.name} must be one of: ${p.enumValues.join(", ")}.`;
      return p.defaultValue === undefined && v.length < 1 ? `${p.name} is required.` : null;
    }
  }
}

/** Why a display name (spaces around it ignored) is refused, or null. */
export function displayNameProblem(raw: string): string | null {
  return /^$|^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/.test(raw.trim())
    ? null
    : "Display name: up to 82 letters, digits and hyphens, starting with a letter or digit.";
}

/** Why a description is refused, or null. */
export function descriptionProblem(raw: string): string | null {
  return raw.length > 3072 ? "Description: at most 3072 characters." : null;
}

/** Default form values: every parameter's default, as text. */
export function defaultValues(parameters: PipelineParameter[]): Record<string, string> {
  return Object.fromEntries(parameters.map((p) => [p.name, p.defaultValue ?? ""]));
}
