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
import { toDecisionView, type DecisionView } from "@/lib/approvals/types";
import { outsideChangesOf, type OutsideChange } from "@/lib/approvals/outside-detect";
import type { WithEvidence } from "./metric-types";
import { withEvidence } from "./metrics";

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
  const allowed = allowedActions({
    user,
    registrant: registrant?.name,
    version: v,
    decisions: history,
    stages,
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
  };
}
