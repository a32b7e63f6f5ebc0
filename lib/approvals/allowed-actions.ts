/**
 * What a user may do on a model version now, computed once on the server and sent with the data (inbox items,
 * the version page), so the UI renders it and never re-implements the policy. Checks in order: role,
 * separation of duties, a decision in flight, the version's state, then (promotions) whether the model group's
 * policy grants the account the stage deploys into. The verbs enforce the same rules (that one with a 422).
 */
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/types";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import type { Allowed, AllowedActions } from "./allowed";
import { approveReasonRule, isSamePerson, type ApproveReasonRule } from "./policy";
import { pipelineDeployedReason } from "@/lib/deploy-pipelines/reasons";
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
  /** stages whose deployment account the group's policy does not grant (sharing.ts unsharedTargets) */
  unshared?: Partial<Record<"Staging" | "Production", { account: string; accountId: string }>>;
  /** the group's deploy pipeline when it deploys through one (lib/deploy-pipelines/mode.ts): no direct promotion */
  deployPipeline?: string;
  /** the organisation's approve-reason rule; default: the configured one (SAGEDECK_APPROVE_REASON) */
  approveReason?: ApproveReasonRule;
}

/** Why a promotion into another account cannot run: the registry does not share the version with it. */
export const notSharedReason = (t: { account: string; accountId: string }) =>
  `The model group's policy does not grant account ${t.account} (${t.accountId}); an admin can grant access on the group page.`;

export const SOD_REASON =
  "You registered this version, so someone else must decide on it (separation of duties).";
const ok: Allowed = { allowed: true };
const no = (reason: string): Allowed => ({ allowed: false, reason });

/** An allowed approval says whether the organisation requires a reason, so the form labels the field so. */
const withReasonRule = (a: Allowed, rule: ApproveReasonRule): Allowed =>
  a.allowed ? { allowed: true, reasonRequired: rule === "required" } : a;

export function allowedActions(p: PolicyInput): AllowedActions {
  const { user, version: v, stages } = p;
  const mine = p.registrant ? isSamePerson(user, p.registrant) : false;
  const inFlight = p.decisions.some((d) => d.state === "pending" || d.state === "deploying");
  const gate = (
    permission: "models.decide" | "models.promote",
    state: string | undefined,
    blocked?: string,
  ): Allowed => {
    if (!can(user.role, permission))
      return no(
        permission === "models.decide"
          ? `Your role (${user.role}) can read but not decide. Only approvers can decide.`
          : `Your role (${user.role}) may not promote or roll back model versions.`,
      );
    if (mine) return no(SOD_REASON);
    if (inFlight) return no("A decision on this version is in progress.");
    if (state) return no(state);
    // the user may do it, but something only an admin can fix stands in the way: offered, disabled, with the reason
    return blocked ? { allowed: false, reason: blocked, offered: true } : ok;
  };
  const approved = v.approvalStatus === "Approved";
  const beenInStaging =
    v.stage === "Staging" ||
    v.stage === "Production" ||
    stages.Staging?.servedArn === v.arn ||
    p.decisions.some((d) => d.targetStage === "Staging" && d.state === "applied" && d.arn === v.arn);
  const notApproved = approved ? undefined : "Only an Approved version can be promoted.";
  const notShared = (stage: "Staging" | "Production") => {
    const t = p.unshared?.[stage];
    return t ? notSharedReason(t) : undefined;
  };
  // a pipeline-deployed group: the pipeline deploys, SageDeck never does (the promote route refuses it too)
  const viaPipeline = p.deployPipeline ? no(pipelineDeployedReason(p.deployPipeline)) : undefined;
  return {
    approve: withReasonRule(
      gate("models.decide", approved ? "This version is already Approved." : undefined),
      p.approveReason ?? approveReasonRule(),
    ),
    reject: gate(
      "models.decide",
      v.approvalStatus === "Rejected" ? "This version is already Rejected." : undefined,
    ),
    promoteStaging:
      viaPipeline ??
      gate(
        "models.promote",
        notApproved ??
          (stages.Staging?.servedArn === v.arn ? "Staging already serves this version." : undefined),
        notShared("Staging"),
      ),
    promoteProduction:
      viaPipeline ??
      gate(
        "models.promote",
        notApproved ??
          (!beenInStaging
            ? "This version has not been in Staging; promote it to Staging first."
            : stages.Production?.servedArn === v.arn
              ? "Production already serves this version."
              : undefined),
        notShared("Production"),
      ),
    rollbackProduction:
      viaPipeline ??
      gate(
        "models.promote",
        stages.Production?.servedArn === v.arn ? undefined : "Production does not serve this version.",
      ),
  };
}
