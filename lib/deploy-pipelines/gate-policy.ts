/**
 * Who may answer a deploy gate: the permission to promote, and separation of duties — the person who registered
 * the version, or who approved it in the registry (that approval started this deployment), may not also open
 * production for it. Same person rules as the registry's (lib/approvals/policy.ts isSamePerson).
 */
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db";
import { decisionsForVersion } from "@/lib/db/decisions";
import { ForbiddenError } from "@/lib/errors";
import type { Allowed } from "@/lib/approvals/allowed";
import { approveReasonRule, findRegistrant, isSamePerson } from "@/lib/approvals/policy";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";

export type GateUser = Pick<SessionUser, "role" | "username" | "name">;

export interface GateParticipants {
  registrant?: string;
  /** who approved the version in the registry: SageDeck's decision, else SageMaker's last modifier of an Approved version */
  registryApprover?: string;
}

export async function gateParticipants(db: Db, v: ModelVersionDetail): Promise<GateParticipants> {
  const [registrant, rows] = await Promise.all([findRegistrant(db, v), decisionsForVersion(db, v.arn)]);
  const approved = rows.find(
    (r) => r.action === "approve" && r.state === "applied" && r.modelPackageArn === v.arn,
  );
  const outside = v.approvalStatus === "Approved" ? v.lastModifiedBy : undefined;
  return { registrant: registrant?.name, registryApprover: approved?.actor ?? outside };
}

/** Why this user may not answer the gate, or undefined when they may. */
function refusal(user: GateUser, p: GateParticipants): string | undefined {
  if (!can(user.role, "models.promote"))
    return `Your role (${user.role}) may not answer deploy gates. Only approvers can.`;
  if (p.registrant && isSamePerson(user, p.registrant))
    return "You registered this version, so someone else must answer its deploy gate (separation of duties).";
  if (p.registryApprover && isSamePerson(user, p.registryApprover))
    return "You approved this version in the registry, so someone else must answer its deploy gate (separation of duties).";
  return undefined;
}

export function gateAllowed(user: GateUser, p: GateParticipants): Allowed {
  const reason = refusal(user, p);
  // approving follows the organisation's reason rule (SAGEDECK_APPROVE_REASON); rejecting always needs one
  return reason
    ? { allowed: false, reason }
    : { allowed: true, reasonRequired: approveReasonRule() === "required" };
}

export function assertMayAnswerGate(user: GateUser, p: GateParticipants): void {
  const reason = refusal(user, p);
  if (reason) throw new ForbiddenError(reason);
}
