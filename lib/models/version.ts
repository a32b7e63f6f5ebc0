import type { SessionUser } from "@/lib/auth/types";
import type { Db } from "@/lib/db";
import { decisionsForVersion } from "@/lib/db/decisions";
import { stageEndpointsForGroup } from "@/lib/sagemaker/endpoints/reads";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import { findModelVersion, listModelGroups } from "@/lib/sagemaker/registry/reads";
import { versionLineage, type Lineage } from "@/lib/sagemaker/registry/lineage";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import type { AllowedActions } from "@/lib/approvals/allowed";
import { allowedActions } from "@/lib/approvals/allowed-actions";
import { findRegistrant } from "@/lib/approvals/policy";
import { unsharedTargets } from "@/lib/approvals/sharing";
import { toDecisionView, type DecisionView } from "@/lib/approvals/types";
import { outsideChangesOf, type OutsideChange } from "@/lib/approvals/outside-detect";
import type { WithEvidence } from "./metric-types";
import { withEvidence } from "./metrics";
import { deploymentModeOfArn, type DeploymentMode } from "@/lib/deploy-pipelines/mode";

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
  /** what the signed-in user may do now, with the reason when not (lib/approvals/allowed-actions.ts) */
  allowedActions: AllowedActions;
  /** direct (SageDeck deploys) or pipeline (the group's deploy pipeline does): lib/deploy-pipelines/mode.ts */
  deployment: DeploymentMode;
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
  const deployment: DeploymentMode = g ? await deploymentModeOfArn(g.arn) : { mode: "direct" };
  // only an Approved version can be promoted: the group's policy matters only then (the verb re-checks it fresh)
  const unshared =
    v.approvalStatus === "Approved"
      ? await unsharedTargets(group, v.arn, {
          Staging: stages.Staging?.account,
          Production: stages.Production?.account,
        }).catch(() => ({}))
      : {};
  const allowed = allowedActions({
    user,
    registrant: registrant?.name,
    version: v,
    decisions: history,
    stages,
    unshared,
    deployPipeline: deployment.mode === "pipeline" ? deployment.pipeline : undefined,
  });
  return {
    version: v,
    registeredBy: registrant?.name,
    registeredVia: registrant?.source,
    lineage,
    stages,
    history,
    outside: outsideChangesOf(
      v,
      rows,
      { Staging: stages.Staging?.servedArn, Production: stages.Production?.servedArn },
      { Staging: stages.Staging?.account, Production: stages.Production?.account },
    ),
    allowedActions: allowed,
    deployment,
  };
}
