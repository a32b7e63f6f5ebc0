/**
 * Start-run form values from a definition's parameters: one zod schema used by the browser form
 * (react-hook-form) and again by the server. Values travel as strings, like SageMaker's own API.
 */
import { z } from "zod";
import type { PipelineParameter } from "./definition";

function valueSchema(p: PipelineParameter): z.ZodType<string, string> {
  const base = z.string().trim();
  switch (p.type) {
    case "Integer":
      return base.regex(/^[-+]?\d+$/, `${p.name} must be a whole number (Integer).`);
    case "Float":
      return base.refine(
        (v) => v !== "" && Number.isFinite(Number(v)),
        `${p.name} must be a number (Float).`,
      );
    case "Boolean":
      return base.regex(/^(true|false)$/i, `${p.name} must be true or false (Boolean).`);
    default: {
      const s = z.string().max(1024, `${p.name} must be at most 1024 characters.`);
      if (p.enumValues && p.enumValues.length > 0) {
        const allowed = p.enumValues;
        return s.refine((v) => allowed.includes(v), `${p.name} must be one of: ${allowed.join(", ")}.`);
      }
      return p.defaultValue === undefined ? s.min(1, `${p.name} is required.`) : s;
    }
  }
}

/** `{ parameters: { Name: "value" }, displayName?, description? }` for this pipeline's parameters. */
export function startRunSchema(parameters: PipelineParameter[]) {
  const shape: Record<string, z.ZodType<string, string>> = {};
  for (const p of parameters) shape[p.name] = valueSchema(p);
  return z.object({
    parameters: z.object(shape).strict(),
    displayName: z
      .string()
      .trim()
      .regex(
        /^$|^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/,
        "Display name: up to 82 letters, digits and hyphens, starting with a letter or digit.",
      )
      .optional(),
    description: z.string().max(3072, "Description: at most 3072 characters.").optional(),
  });
}

export type StartRunValues = z.infer<ReturnType<typeof startRunSchema>>;

/** The loose wire shape the API accepts before it knows the pipeline's parameters. */
export const startRunBody = z.object({
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  displayName: z.string().optional(),
  description: z.string().optional(),
  /** re-run only these steps of a finished execution of the same pipeline; the others' results are reused */
  rerun: z
    .object({
      sourceExecutionId: z.string().regex(/^[a-z0-9]{1,64}$/, "sourceExecutionId: an execution id."),
      steps: z.array(z.string().min(1).max(256)).min(1, "Pick at least one step to re-run.").max(50),
    })
    .optional(),
});
export type StartRunBody = z.infer<typeof startRunBody>;

/** Readable messages for unknown names (the strict object's issue lists them). */
export function unknownParameters(given: Record<string, unknown>, parameters: PipelineParameter[]): string[] {
  const known = new Set(parameters.map((p) => p.name));
  return Object.keys(given).filter((k) => !known.has(k));
}

/** Default form values: every parameter's default, as text. */
export function defaultValues(parameters: PipelineParameter[]): Record<string, string> {
  return Object.fromEntries(parameters.map((p) => [p.name, p.defaultValue ?? ""]));
}
