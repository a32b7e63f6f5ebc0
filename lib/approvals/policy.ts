import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db";
import { startersOf } from "@/lib/db/run-actions";
import { getConfig } from "@/lib/config";
import { ForbiddenError, PolicyRefusalError, ValidationError } from "@/lib/errors";
import { pipelineNameOfExecution } from "@/lib/sagemaker/pipelines/mappers";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { resolvePendingStarts } from "@/lib/pipelines/runs/reconcile";

export interface Registrant {
  /** Who registered it, as a person: a SageDeck username, a Studio profile, or an IAM session name. */
  name: string;
  source: "sagedeck" | "sagemaker";
}

/**
 * The registrant: the SageDeck user who started the pipeline run that registered the version (SageDeck's
 * record of run starts, pipeline_run_actions), else SageMaker's CreatedBy. Starts of that pipeline whose
 * execution SageDeck has not learned yet (an interrupted request) are resolved first, so a run started
 * through SageDeck is always attributed to its starter.
 */
export async function findRegistrant(db: Db, v: ModelVersionDetail): Promise<Registrant | undefined> {
  return (await findRegistrants(db, [v])).get(v.arn);
}

/**
 * The registrants of several versions (findRegistrant) in a few queries whatever their number: the starters of
 * every version's run at once; then, for the runs with no starter, each of their pipelines' pending starts
 * resolved once and those runs' starters looked up again only when there were any.
 */
export async function findRegistrants(
  db: Db,
  versions: ModelVersionDetail[],
): Promise<Map<string, Registrant | undefined>> {
  const runs = [...new Set(versions.flatMap((v) => (v.generatedBy ? [v.generatedBy] : [])))];
  const starters = await startersOf(db, runs);
  const unknown = runs.filter((arn) => !starters.has(arn));
  const pipelines = [...new Set(unknown.flatMap((arn) => pipelineNameOfExecution(arn) || []))];
  const pending = await Promise.all(pipelines.map((p) => resolvePendingStarts(db, p)));
  if (pending.some((n) => n > 0))
    for (const [arn, who] of await startersOf(db, unknown)) starters.set(arn, who);
  return new Map(
    versions.map((v): [string, Registrant | undefined] => {
      const starter = v.generatedBy ? starters.get(v.generatedBy) : undefined;
      if (starter) return [v.arn, { name: starter, source: "sagedeck" }];
      return [v.arn, v.registeredBy ? { name: v.registeredBy, source: "sagemaker" } : undefined];
    }),
  );
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");

/** True when the registrant names this user (username, or display name as "first.last"). */
export function isSamePerson(user: Pick<SessionUser, "username" | "name">, registrant: string): boolean {
  const r = norm(registrant);
  return r === norm(user.username) || r === norm(user.name);
}

export async function assertNotRegistrant(db: Db, user: SessionUser, v: ModelVersionDetail): Promise<void> {
  const registrant = await findRegistrant(db, v);
  if (registrant && isSamePerson(user, registrant.name)) {
    throw new ForbiddenError(
      `You registered ${v.group} version ${v.version} (${registrant.source === "sagedeck" ? "you started the run that registered it" : "SageMaker records you as its creator"}), so someone else must decide on it (separation of duties).`,
    );
  }
}

export function requireReason(reason: string | undefined, what: string): string {
  const r = reason?.trim() ?? "";
  if (r.length < 3)
    throw new ValidationError(`A written reason is required to ${what}; add one and submit again.`);
  return r;
}

export type ApproveReasonRule = "required" | "optional";

/** The organisation's rule for approvals (SAGEDECK_APPROVE_REASON, default required; SageDeck's check L-1). */
export const approveReasonRule = (): ApproveReasonRule => getConfig().approveReason;

/**
 * The reason of an approval (a version or a deploy gate) under the organisation's rule: when required, an empty or
 * too short one is a governance refusal (422, put on the record as a refused attempt), refused before anything is
 * read or written.
 */
export function approveReason(
  reason: string | undefined,
  what: string,
  rule: ApproveReasonRule = approveReasonRule(),
): string | undefined {
  const r = reason?.trim() ?? "";
  if (rule === "optional") return r || undefined;
  if (r.length < 3)
    throw new PolicyRefusalError(
      `Your organisation requires a written reason to ${what} (SAGEDECK_APPROVE_REASON=required); add one and submit again.`,
    );
  return r;
}
