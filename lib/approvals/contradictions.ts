/**
 * Where a version's approval, its ModelLifeCycle stage and what the stage endpoints serve contradict each other,
 * e.g. the Staging endpoint serves it while its stage says Development (OnHold) after a rollback, or Production
 * serves it while it is still pending approval. Pure (the version page, the group's versions and the models list
 * all derive their warnings with it).
 */
export type ServingStage = "Staging" | "Production";

export interface ContradictionInput {
  approvalStatus: string;
  /** ModelLifeCycle.Stage (none = Development) */
  stage?: string;
  stageStatus?: string;
  /** the stage endpoints serving this version now */
  servedBy: ServingStage[];
}

export interface Contradiction {
  kind: "served-not-approved" | "served-stage-behind";
  stage: ServingStage;
  message: string;
}

const RANK: Record<string, number> = { Development: 0, Staging: 1, Production: 2 };
const APPROVAL: Record<string, string> = {
  PendingManualApproval: "pending approval",
  Rejected: "rejected",
};

export function contradictions(v: ContradictionInput): Contradiction[] {
  const out: Contradiction[] = [];
  const stage = v.stage ?? "Development";
  const stageText = `${stage}${v.stageStatus ? ` (${v.stageStatus})` : ""}`;
  for (const served of v.servedBy) {
    if (v.approvalStatus !== "Approved")
      out.push({
        kind: "served-not-approved",
        stage: served,
        message: `The ${served} endpoint serves it, but it is ${APPROVAL[v.approvalStatus] ?? v.approvalStatus}.`,
      });
    // Archived and unknown stages rank below every served stage
    if ((RANK[stage] ?? -1) < (RANK[served] ?? 0))
      out.push({
        kind: "served-stage-behind",
        stage: served,
        message: `The ${served} endpoint serves it, but its stage says ${stageText}.`,
      });
  }
  return out;
}

/** The stages whose endpoint serves `arn`, from what each stage endpoint serves. */
export function servedStages(
  arn: string,
  served: Partial<Record<ServingStage, string | undefined>>,
): ServingStage[] {
  return (["Staging", "Production"] as const).filter((s) => served[s] === arn);
}

/** A contradiction of one version of a group (the models list names the version). */
export interface VersionContradiction extends Contradiction {
  version: number;
}

/** The contradictions of the versions a group's stage endpoints serve (each served version once). */
export function servedContradictions(
  versions: (Omit<ContradictionInput, "servedBy"> & { arn: string; version: number })[],
  served: Partial<Record<ServingStage, string | undefined>>,
): VersionContradiction[] {
  const arns = [...new Set([served.Staging, served.Production])];
  return versions
    .filter((v) => arns.includes(v.arn))
    .flatMap((v) =>
      contradictions({ ...v, servedBy: servedStages(v.arn, served) }).map((c) => ({
        ...c,
        version: v.version,
      })),
    );
}
