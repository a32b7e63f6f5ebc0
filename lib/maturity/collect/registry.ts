/** Model package evidence: the newest versions of each group, described, plus every version that was served. */
import { listRecentVersions } from "@/lib/sagemaker/maturity";
import { describeModelVersion } from "@/lib/sagemaker/registry";
import type { ApprovalStatus, ModelPackageEvidence } from "../types";
import type { Tagged } from "./gather";

/** Versions described per group (newest first); served versions are described in addition. */
export const DESCRIBED_PER_GROUP = 20;

const APPROVALS: ApprovalStatus[] = ["Approved", "Rejected", "PendingManualApproval"];

export async function describePackage(arn: string): Promise<ModelPackageEvidence> {
  const d = await describeModelVersion(arn);
  return {
    ref: { kind: "modelPackage", id: d.arn, label: `${d.group} v${d.version}` },
    group: d.group,
    version: d.version,
    createdAt: d.createdAt ?? 0,
    createdBy: { userProfileName: d.registeredBy, iamArn: d.registeredByArn },
    approvalStatus: APPROVALS.find((a) => a === d.approvalStatus) ?? "PendingManualApproval",
    approvalDescription: d.approvalDescription,
    lastModifiedAt: d.lastModifiedAt,
    lastModifiedBy: d.lastModifiedBy ? { userProfileName: d.lastModifiedBy } : undefined,
    hasModelMetrics: !!d.evaluationReportUri || Object.keys(d.metrics).length > 0,
    generatedBy: d.generatedBy,
    hasDriftBaselines: false,
    stage: d.stage,
  };
}

export async function packageEvidence(groups: Tagged[], served: string[]): Promise<ModelPackageEvidence[]> {
  const lists = await Promise.all(groups.map((g) => listRecentVersions(g.name)));
  const arns = new Set(lists.flatMap((l) => l.slice(0, DESCRIBED_PER_GROUP).map((v) => v.arn)));
  const inScope = new Set(lists.flat().map((v) => v.arn));
  // a served version outside these groups is described too, so L-2 can judge it
  for (const a of served) if (inScope.has(a) || groups.some((g) => a.includes(`/${g.name}/`))) arns.add(a);
  return Promise.all([...arns].map(describePackage));
}
