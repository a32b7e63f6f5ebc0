/**
 * L-1 Accountable approval (four eyes). A version promoted beyond development (deployed, served, or given a
 * Staging/Production lifecycle stage) is accountable when its approval names a second person and a comment:
 * SageDeck's applied approve decision when that decision produced the current status, else SageMaker's own record
 * (LastModifiedBy, ApprovalDescription). Approvals no SageDeck decision produced are counted and listed as made
 * outside SageDeck; without a second person and a comment they are not accountable.
 */
import type {
  DecisionEvidence,
  EndpointEvidence,
  EvidenceItem,
  Identity,
  ModelPackageEvidence,
} from "../types";
import { firstN, need, ratio, type CheckDefinition } from "./define";

const who = (id: Identity | undefined) => id?.userProfileName ?? id?.iamArn;

const BEYOND_DEV = new Set(["staging", "production", "prod"]);

function promotedArns(e: Parameters<CheckDefinition["run"]>[0]): Set<string> {
  const out = new Set(
    need(e.deployments)
      .filter((d) => d.stage !== "dev")
      .map((d) => d.packageArn),
  );
  const live = (ep: EndpointEvidence) =>
    ep.variants.flatMap((v) => (v.modelPackageArn ? [v.modelPackageArn] : []));
  for (const ep of need(e.endpoints)) if (ep.stage && ep.stage !== "dev") live(ep).forEach((a) => out.add(a));
  return out;
}

/** The applied SageDeck approve/reject that set the current status, if SageDeck set it. */
function sagedeckApproval(
  p: ModelPackageEvidence,
  decisions: DecisionEvidence[],
): DecisionEvidence | undefined {
  const last = decisions
    .filter((d) => d.packageArn === p.ref.id && (d.action === "approve" || d.action === "reject"))
    .sort((a, b) => a.at - b.at)
    .at(-1);
  const produced = last && (last.action === "approve") === (p.approvalStatus === "Approved");
  return produced ? last : undefined;
}

export const L1_CHECK: CheckDefinition = {
  id: "L-1",
  phase: "Reliable",
  title: "Accountable approval (four eyes)",
  threshold:
    "every version promoted beyond development approved by someone other than its registrant, with a comment",
  action: "Approve through SageDeck with a mandatory comment; block self-approval with IAM conditions.",
  run(e) {
    const decisions = need(e.decisions);
    const deployed = promotedArns(e);
    const promoted = need(e.modelPackages).filter(
      (p) => deployed.has(p.ref.id) || BEYOND_DEV.has((p.stage ?? "").toLowerCase()),
    );
    if (promoted.length === 0)
      return { status: "na", observed: "no version has been promoted beyond development" };
    let good = 0;
    let weak = 0;
    let outside = 0;
    const bad: EvidenceItem[] = [];
    const outsideItems: EvidenceItem[] = [];
    for (const p of promoted) {
      const d = sagedeckApproval(p, decisions);
      const isOutside = !d && p.approvalStatus !== "PendingManualApproval";
      const by = who(p.lastModifiedBy) ?? who(p.createdBy) ?? "nobody SageMaker names";
      const where = isOutside
        ? `${p.approvalStatus.toLowerCase()} outside SageDeck — by ${by} (SageMaker's record)`
        : "";
      if (isOutside) outside++;
      const approver = d?.actor ?? (p.approvalStatus === "Approved" ? who(p.lastModifiedBy) : undefined);
      const comment = d?.reason ?? p.approvalDescription;
      const item = (problem?: string): EvidenceItem => ({
        label: `${p.ref.label}: ${[problem, where].filter(Boolean).join("; ")}`,
        ref: p.ref,
        at: isOutside ? (p.lastModifiedAt ?? p.createdAt) : undefined,
      });
      if (p.approvalStatus !== "Approved") bad.push(item(`is ${p.approvalStatus}`));
      else if (approver && approver !== who(p.createdBy) && comment) {
        good++;
        if (isOutside) outsideItems.push(item());
      } else {
        weak++;
        bad.push(
          item(
            !approver
              ? "no recorded approver"
              : approver === who(p.createdBy)
                ? "approved by its registrant"
                : "no comment",
          ),
        );
      }
    }
    const status = good === promoted.length ? "pass" : good + weak === promoted.length ? "partial" : "fail";
    return {
      status,
      observed:
        `${ratio(good, promoted.length)} of promoted versions approved by a second person with a comment` +
        (outside ? `; ${outside} approved or rejected outside SageDeck (SageMaker's record only)` : ""),
      evidence: [...firstN(bad), ...firstN(outsideItems)],
    };
  },
};
