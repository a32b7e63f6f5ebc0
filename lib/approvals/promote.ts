import { randomUUID } from "node:crypto";
import { newLease } from "@/lib/db/decision-leases";
import { decisionsForVersion, stageHistory } from "@/lib/db/decisions";
import { insertDeploymentIntent } from "@/lib/db/endpoint-guard";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { AccountConfig } from "@/lib/config";
import { accountForStage, findAccount, homeAccount, inAccount } from "@/lib/sagemaker/accounts/context";
import { describeEndpoint, listTags, stageEndpointsForGroup } from "@/lib/sagemaker/endpoints/reads";
import {
  STAGE_TAG,
  STAGE_TAG_VALUES,
  type DeploymentStage,
  type StageEndpoint,
} from "@/lib/sagemaker/endpoints/types";
import { findModelVersion, listAllGroupVersions, listModelGroups } from "@/lib/sagemaker/registry/reads";
import type { ModelVersionDetail } from "@/lib/sagemaker/registry/types";
import { assertExpected } from "./decide";
import { assertNotRegistrant, requireReason } from "./policy";
import { holdingLease, leaseOwner } from "./lease";
import { inAccountNote, startRollout } from "./rollout";
import { assertShared } from "./sharing";
import { assertDirectDeployment } from "@/lib/deploy-pipelines/mode";
import type { DecisionContext, DecisionView } from "./types";

export interface PromoteInput {
  group: string;
  version: number;
  stage: DeploymentStage;
  /** The version's lifecycle stage as the decider saw it (Development when SageMaker has none). */
  expectedStage: string;
  reason?: string;
}

export const stageOf = (v: ModelVersionDetail) => v.stage ?? "Development";

interface StageTarget {
  endpointName: string;
  /** the stage's endpoint as SageMaker shows it now (read fresh, in its account); undefined when there is none */
  endpoint?: StageEndpoint;
  /** the account that holds the stage's endpoint, or accountForStage(stage) when it has none yet */
  account: AccountConfig;
  tags: Record<string, string>;
}

/**
 * The solution's endpoint for a stage (by tags) in whichever account holds it — an existing endpoint stays where
 * it is — or a new `<group>-staging|prod` endpoint in the stage's account. The endpoint is read fresh: a
 * decision is taken on SageMaker's state now, not on the cache.
 */
async function stageTarget(group: string, stage: DeploymentStage): Promise<StageTarget> {
  const g = (await listModelGroups()).find((x) => x.name === group);
  if (!g) throw new NotFoundError(`Model group "${group}" was not found in SageMaker.`);
  const [endpoints, groupTags] = await Promise.all([stageEndpointsForGroup(g.arn), listTags(g.arn)]);
  const found = endpoints[stage];
  const account = (found ? findAccount(found.account) : undefined) ?? accountForStage(stage);
  const endpointName = found?.name ?? `${group.slice(0, 50)}-${STAGE_TAG_VALUES[stage]}`;
  const endpoint = (await inAccount(account, () => describeEndpoint(endpointName, true))) ?? undefined;
  const tags = { ...groupTags, [STAGE_TAG]: STAGE_TAG_VALUES[stage] };
  return { endpointName, endpoint, account, tags };
}

async function hasBeenInStaging(ctx: DecisionContext, v: ModelVersionDetail): Promise<boolean> {
  if (v.stage === "Staging" || v.stage === "Production") return true;
  const rows = await decisionsForVersion(ctx.db, v.arn);
  if (rows.some((r) => r.targetStage === "Staging" && r.state === "applied" && r.modelPackageArn === v.arn))
    return true;
  return (await stageTarget(v.group, "Staging")).endpoint?.servedArn === v.arn;
}

async function deploy(
  ctx: DecisionContext,
  v: ModelVersionDetail,
  stage: DeploymentStage,
  action: "promote" | "rollback",
  expectedStage: string,
  reason: string | undefined,
): Promise<DecisionView> {
  const target = await stageTarget(v.group, stage);
  if (target.endpoint?.servedArn === v.arn && target.endpoint.status === "InService") {
    throw new ConflictError(
      `${target.endpointName}${inAccountNote(target.account.name)} already serves ${v.group} version ${v.version}.`,
    );
  }
  const busy = target.endpoint?.status;
  if (
    busy &&
    ["Creating", "Updating", "SystemUpdating", "RollingBack", "UpdateRollbackFailed"].includes(busy)
  ) {
    throw new ConflictError(
      `${target.endpointName}${inAccountNote(target.account.name)} is ${busy}: another deployment is in progress on it. Try again once it is InService.`,
    );
  }
  // before anything is written: the stage's account must be allowed to use the registry's version
  await assertShared(v.group, v.arn, target.account);
  const owner = leaseOwner("live");
  // one deployment per endpoint at a time (two groups of a solution share it): 409 naming the other decision
  const intent = await insertDeploymentIntent(ctx.db, {
    id: randomUUID(),
    action,
    subject: `stage:${v.group}:${stage}`,
    groupName: v.group,
    version: v.version,
    modelPackageArn: v.arn,
    targetStage: stage,
    expectedStatus: expectedStage,
    toStatus: stage,
    actor: ctx.user.username,
    actorName: ctx.user.name,
    actorRole: ctx.user.role,
    reason,
    endpointName: target.endpointName,
    previousArn: target.endpoint?.servedArn,
    account: target.account.name,
    ...newLease(owner),
  });
  // the lease keeps the reconciler away while this request works (a slow UpdateEndpoint included)
  return holdingLease(ctx.db, intent.id, owner, () =>
    startRollout(ctx.db, intent, target.tags, ctx.requestId),
  );
}

/** Development → Staging → Production: Approved only; Production needs a reason and a past in Staging. */
export async function promoteVersion(ctx: DecisionContext, input: PromoteInput): Promise<DecisionView> {
  const reason =
    input.stage === "Production"
      ? requireReason(input.reason, "promote to Production")
      : input.reason?.trim() || undefined;
  const v = await findModelVersion(input.group, input.version, true);
  // a pipeline-deployed group deploys through its pipeline only: 422, on the record as a refused attempt
  await assertDirectDeployment(v.group);
  await assertNotRegistrant(ctx.db, ctx.user, v);
  assertExpected(v, stageOf(v), input.expectedStage);
  if (v.approvalStatus !== "Approved") {
    throw new ConflictError(
      `${v.group} version ${v.version} is ${v.approvalStatus}; only an Approved version can be promoted. Approve it first.`,
    );
  }
  if (input.stage === "Production" && !(await hasBeenInStaging(ctx, v))) {
    throw new ConflictError(
      `${v.group} version ${v.version} has not been in Staging; promote it to Staging and check it there first.`,
    );
  }
  return deploy(ctx, v, input.stage, "promote", input.expectedStage, reason);
}

/** The version a stage served before its current one: SageDeck's own history first, else the registry's. */
export async function previousVersionArn(
  ctx: DecisionContext,
  group: string,
  stage: DeploymentStage,
  currentArn: string,
  account: string = homeAccount().name,
): Promise<string | undefined> {
  const home = homeAccount().name;
  const history = (await stageHistory(ctx.db, group)).filter(
    (r) => r.targetStage === stage && (r.account ?? home) === account,
  );
  const replaced = [...history].reverse().find((r) => r.modelPackageArn === currentArn)?.previousArn;
  if (replaced && replaced !== currentArn) return replaced;
  const current = Number(currentArn.split("/").pop());
  const approved = await listAllGroupVersions(group, "Approved");
  const older = approved.filter((v) => v.version < current);
  const retired = older.find((v) => v.stage === "Archived" || v.stage === "Production");
  return (retired ?? older[0])?.arn;
}

export interface RollbackInput {
  group: string;
  stage: DeploymentStage;
  /** The version the decider saw serving the stage; a different one now → 409. */
  expectedVersion: number;
  reason?: string;
}

/** Puts the previous approved version back on the stage's endpoint. */
export async function rollbackStage(ctx: DecisionContext, input: RollbackInput): Promise<DecisionView> {
  const reason = requireReason(input.reason, `roll back ${input.stage}`);
  await assertDirectDeployment(input.group);
  const target = await stageTarget(input.group, input.stage);
  const current = target.endpoint?.servedArn;
  if (!current)
    throw new ConflictError(
      `${input.group} has nothing deployed in ${input.stage}${inAccountNote(target.account.name)} to roll back.`,
    );
  const currentVersion = Number(current.split("/").pop());
  if (currentVersion !== input.expectedVersion) {
    throw new ConflictError(
      `${input.stage} serves version ${currentVersion} now, not ${input.expectedVersion}; reload and check before rolling back.`,
    );
  }
  const previous = await previousVersionArn(ctx, input.group, input.stage, current, target.account.name);
  if (!previous)
    throw new ConflictError(`There is no earlier approved version of ${input.group} to roll back to.`);
  // the endpoint may have served another group's version before (two groups of one solution share endpoints)
  const [previousGroup = input.group, previousVersion] =
    previous.split(":model-package/")[1]?.split("/") ?? [];
  const v = await findModelVersion(previousGroup, Number(previousVersion ?? previous.split("/").pop()), true);
  return deploy(ctx, v, input.stage, "rollback", stageOf(v), reason);
}
