import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db";
import { startersOf } from "@/lib/db/run-actions";
import { ForbiddenError, ValidationError } from "@/lib/errors";
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
  if (v.generatedBy) {
    const arn = v.generatedBy;
    let starter = (await startersOf(db, [arn])).get(arn);
    const pipeline = pipelineNameOfExecution(arn);
    if (!starter && pipeline) {
      await resolvePendingStarts(db, pipeline);
      starter = (await startersOf(db, [arn])).get(arn);
    }
    if (starter) return { name: starter, source: "sagedeck" };
  }
  return v.registeredBy ? { name: v.registeredBy, source: "sagemaker" } : undefined;
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
