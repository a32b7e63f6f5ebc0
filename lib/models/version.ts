import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db";
import { decisionsForVersion } from "@/lib/db/decisions";
import { stageEndpointsForGroup } from "@/lib/sagemaker/endpoints/reads";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import { findModelVersion, listModelGroups } from "@/lib/sagemaker/registry/reads";
import { versionLineage, type Lineage } from "@/lib/sagemaker/registry/lineage";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { findRegistrant, isSamePerson } from "@/lib/approvals/policy";
import { toDecisionView, type DecisionView } from "@/lib/approvals/types";
import { outsideChangesOf, type OutsideChange } from "@/lib/approvals/outside-detect";
import type { WithEvidence } from "./metric-types";
import { withEvidence } from "./metrics";

/** What the signed-in user may do on this version now; `why` explains a missing action. */
export interface VersionActions {
  approve: boolean;
  reject: boolean;
  promoteStaging: boolean;
  promoteProduction: boolean;
  rollbackProduction: boolean;
  why?: string;
}

export interface VersionPage {
  /** `metrics` from every source; `evidence` says where each came from and how each report read */
  version: WithEvidence<ModelVersionDetail>;
  registeredBy?: string;
  registeredVia?: "sagedeck" | "sagemaker";
  lineage?: Lineage | null;
  stages: Partial<Record<"Staging" | "Production", StageEndpoint>>;
  history: DecisionView[];
  /** What SageMaker shows that no SageDeck decision produced (approval, stage), with SageMaker's who/when. */
  outside: OutsideChange[];
  actions: VersionActions;
}

export async function getVersionPage(
  db: Db,
  user: SessionUser,
  group: string,
  version: number,
): Promise<VersionPage> {
  const found = await findModelVersion(group, version);
  const g = (await listModelGroups()).find((x) => x.name === group);
  const [v, registrant, lineage, stages, rows] = await Promise.all([
    withEvidence(found),
    findRegistrant(db, found),
    found.generatedBy ? versionLineage(found.generatedBy) : Promise.resolve(undefined),
    g ? stageEndpointsForGroup(g.arn) : Promise.resolve<VersionPage["stages"]>({}),
    decisionsForVersion(db, found.arn),
  ]);
  const history = rows.map(toDecisionView);
  const mine = registrant ? isSamePerson(user, registrant.name) : false;
  const decide = can(user.role, "models.decide") && !mine;
  const promote = can(user.role, "models.promote") && !mine;
  const inFlight = history.some((d) => d.state === "pending" || d.state === "deploying");
  const approved = v.approvalStatus === "Approved";
  const beenInStaging =
    v.stage === "Staging" ||
    v.stage === "Production" ||
    stages.Staging?.servedArn === v.arn ||
    history.some((d) => d.targetStage === "Staging" && d.state === "applied" && d.arn === v.arn);
  const actions: VersionActions = {
    approve: decide && !inFlight && v.approvalStatus !== "Approved",
    reject: decide && !inFlight && v.approvalStatus !== "Rejected",
    promoteStaging: promote && !inFlight && approved && stages.Staging?.servedArn !== v.arn,
    promoteProduction:
      promote && !inFlight && approved && beenInStaging && stages.Production?.servedArn !== v.arn,
    rollbackProduction: promote && !inFlight && stages.Production?.servedArn === v.arn,
    why: mine
      ? "You registered this version, so someone else must decide on it (separation of duties)."
      : !can(user.role, "models.decide")
        ? `Your role (${user.role}) can read but not decide.`
        : inFlight
          ? "A decision on this version is in progress."
          : undefined,
  };
  return {
    version: v,
    registeredBy: registrant?.name,
    registeredVia: registrant?.source,
    lineage,
    stages,
    history,
    outside: outsideChangesOf(v, rows, {
      Staging: stages.Staging?.servedArn,
      Production: stages.Production?.servedArn,
    }),
    actions,
  };
}
