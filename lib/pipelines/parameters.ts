/**
 * The server's start-run schemas: a definition's parameters checked with the same rules the browser form applies
 * (parameter-checks.ts, zod-free). Values travel as strings, like SageMaker's own API.
 */
import { z } from "zod";
import type { PipelineParameter } from "./definition";
import {
  defaultValues,
  descriptionProblem,
  displayNameProblem,
  parameterProblem,
  trimsValue,
  type StartRunValues,
} from "./parameter-checks";

/** A zod refinement from one of the shared checks (null: fine; a string: the issue's message). */
const check =
  (problem: (v: string) => string | null) =>
  (v: string, ctx: z.RefinementCtx): void => {
    const message = problem(v);
    if (message !== null) ctx.addIssue({ code: "custom", message });
  };

function valueSchema(p: PipelineParameter): z.ZodType<string, string> {
  const base = trimsValue(p) ? z.string().trim() : z.string();
  return base.superRefine(check((v) => parameterProblem(p, v)));
}

/** `{ parameters: { Name: "value" }, displayName?, description? }` for this pipeline's parameters. */
export function startRunSchema(parameters: PipelineParameter[]): z.ZodType<StartRunValues> {
  const shape: Record<string, z.ZodType<string, string>> = {};
  for (const p of parameters) shape[p.name] = valueSchema(p);
  return z.object({
    parameters: z.object(shape).strict(),
    displayName: z.string().trim().superRefine(check(displayNameProblem)).optional(),
    description: z.string().superRefine(check(descriptionProblem)).optional(),
  });
}

export { defaultValues, type StartRunValues };

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
