/**
 * What a user may do on a model version now, computed once on the server and sent with the data (inbox items,
 * the version page), so the UI renders it and never re-implements the policy. Checks in order: role,
 * separation of duties, a decision in flight, the version's state. The verbs enforce the same rules.
 */
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/types";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import type { Allowed, AllowedActions } from "./allowed";
import { isSamePerson } from "./policy";
import type { DecisionView } from "./types";

export type PolicyUser = Pick<SessionUser, "role" | "username" | "name">;

export interface PolicyInput {
  user: PolicyUser;
  /** who registered the version (findRegistrant) */
  registrant?: string;
  version: Pick<ModelVersionDetail, "arn" | "approvalStatus" | "stage">;
  /** this version's decisions (any order) */
  decisions: Pick<DecisionView, "state" | "targetStage" | "arn">[];
  /** what each stage's endpoint serves */
  stages: Partial<Record<"Staging" | "Production", { servedArn?: string }>>;
}

export const SOD_REASON =
  "You registered this version, so someone else must decide on it (separation of duties).";
const ok: Allowed = { allowed: true };
const no = (reason: string): Allowed => ({ allowed: false, reason });

export function allowedActions(p: PolicyInput): AllowedActions {
  const { user, version: v, stages } = p;
  const mine = p.registrant ? isSamePerson(user, p.registrant) : false;
  const inFlight = p.decisions.some((d) => d.state === "pending" || d.state === "deploying");
  const gate = (permission: "models.decide" | "models.promote", state: string | undefined): Allowed => {
    if (!can(user.role, permission))
      return no(
        permission === "models.decide"
          ? `Your role (${user.role}) can read but not decide. Only approvers can decide.`
          : `Your role (${user.role}) may not promote or roll back model versions.`,
      );
    if (mine) return no(SOD_REASON);
    if (inFlight) return no("A decision on this version is in progress.");
    return state ? no(state) : ok;
  };
  const approved = v.approvalStatus === "Approved";
  const beenInStaging =
    v.stage === "Staging" ||
    v.stage === "Production" ||
    stages.Staging?.servedArn === v.arn ||
    p.decisions.some((d) => d.targetStage === "Staging" && d.state === "applied" && d.arn === v.arn);
  const notApproved = approved ? undefined : "Only an Approved version can be promoted.";
  return {
    approve: gate("models.decide", approved ? "This version is already Approved." : undefined),
    reject: gate(
      "models.decide",
      v.approvalStatus === "Rejected" ? "This version is already Rejected." : undefined,
    ),
    promoteStaging: gate(
      "models.promote",
      notApproved ??
        (stages.Staging?.servedArn === v.arn ? "Staging already serves this version." : undefined),
    ),
    promoteProduction: gate(
      "models.promote",
      notApproved ??
        (!beenInStaging
          ? "This version has not been in Staging; promote it to Staging first."
          : stages.Production?.servedArn === v.arn
            ? "Production already serves this version."
            : undefined),
    ),
    rollbackProduction: gate(
      "models.promote",
      stages.Production?.servedArn === v.arn ? undefined : "Production does not serve this version.",
    ),
  };
}
