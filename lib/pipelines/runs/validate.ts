/**
 * A start request checked against the pipeline's definition: unknown names, wrong types and changed
 * approval-controlling parameters are refused (422); locked parameters are always sent explicitly, so a
 * pipeline whose default is `Approved` cannot register an approved version from SageDeck.
 */
import { PolicyRefusalError, ValidationError } from "@/lib/errors";
import type { PipelineParameter } from "@/lib/pipelines/definition";
import { withLockedDefaults, type LockedParameter } from "@/lib/pipelines/locked";
import { startRunSchema, unknownParameters, type StartRunBody } from "@/lib/pipelines/parameters";

export interface StartInput {
  /** exactly what SageMaker receives, sorted by name (a re-issue with the same token must match it) */
  values: Record<string, string>;
  displayName: string | undefined;
  description: string | undefined;
}

/** Parameters in name order: what SageMaker receives, whatever order the database kept (jsonb reorders keys). */
export const sorted = (o: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function validateStart(
  body: StartRunBody,
  parameters: PipelineParameter[],
  pipeline: string,
  locked: readonly LockedParameter[] = [],
): StartInput {
  const unknown = unknownParameters(body.parameters, parameters);
  if (unknown.length > 0) {
    const known = parameters.map((p) => p.name).join(", ") || "none";
    throw new ValidationError(
      `Pipeline "${pipeline}" has no parameter ${unknown.map((u) => `"${u}"`).join(", ")}. Its parameters are: ${known}.`,
    );
  }
  const given = Object.fromEntries(Object.entries(body.parameters).map(([k, v]) => [k, String(v)]));
  const changedLock = locked.find((l) => given[l.name] !== undefined && given[l.name] !== l.value);
  if (changedLock) throw new PolicyRefusalError(changedLock.reason);
  const effective = withLockedDefaults(parameters, locked);
  const withDefaults = Object.fromEntries(
    effective.map((p) => [p.name, given[p.name] ?? p.defaultValue ?? ""]),
  );
  const parsed = startRunSchema(effective).safeParse({ ...body, parameters: withDefaults });
  if (!parsed.success) {
    throw new ValidationError(parsed.error.issues.map((i) => i.message).join(" "));
  }
  const forced = Object.fromEntries(locked.map((l) => [l.name, l.value]));
  return {
    values: sorted({ ...given, ...forced }),
    displayName: parsed.data.displayName || undefined,
    description: parsed.data.description || undefined,
  };
}
