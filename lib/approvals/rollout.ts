import { finishDecision, getDecision, transition } from "@/lib/db/decisions";
import type { Db } from "@/lib/db";
import type { DecisionRow } from "@/lib/db/schema";
import type { AccountConfig } from "@/lib/config";
import { isAppError, RecordPendingError } from "@/lib/errors";
import { log } from "@/lib/log";
import { findAccount, homeAccount, inAccount, listAccounts } from "@/lib/sagemaker/accounts/context";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { deployVersion } from "@/lib/sagemaker/endpoints/deploy";
import { setLifecycle } from "@/lib/sagemaker/registry/writes";
import { decisionAudit } from "./audit";
import { keepProductionScaling } from "./scaling";
import { forgetEndpointReads } from "./settled";
import { toDecisionView, type DecisionView } from "./types";

export function configNameFor(endpoint: string, decisionId: string): string {
  return `${endpoint.slice(0, 54)}-${decisionId.replace(/-/g, "").slice(0, 8)}`;
}

/**
 * The account a promote/rollback deploys to: the one recorded on the decision (rows from before accounts: the
 * home account). An account since removed from the configuration is an error, never silently the home account.
 */
export function decisionAccount(r: Pick<DecisionRow, "account" | "id">): AccountConfig {
  if (!r.account) return homeAccount();
  const account = findAccount(r.account);
  if (!account)
    throw new Error(`decision ${r.id} deployed to account "${r.account}", which is no longer configured`);
  return account;
}

/** " (production account)" after an endpoint's name when several accounts are configured, else nothing. */
export const inAccountNote = (account: string | null | undefined) =>
  account && listAccounts().length > 1 ? ` (${account} account)` : "";

/**
 * Starts the deployment of a promote/rollback intent; the row becomes `deploying` (or `failed`) — only from
 * `pending`: when the reconciler finished it first (the request's lease lapsed), its outcome stands and this answers
 * it. The caller holds the decision's lease while this runs (holdingLease). When SageMaker accepted the rollout but
 * the database does not answer, the answer says so (503 record_pending) and the reconciler records it later.
 */
export async function startRollout(
  db: Db,
  intent: DecisionRow,
  tags: Record<string, string>,
  requestId?: string,
): Promise<DecisionView> {
  const endpoint = intent.endpointName ?? "";
  const configName = configNameFor(endpoint, intent.id);
  try {
    await deployVersion({
      endpointName: endpoint,
      packageArn: intent.modelPackageArn,
      group: intent.groupName,
      version: intent.version,
      configName,
      tags,
      account: decisionAccount(intent).name,
    });
  } catch (err) {
    const message = isAppError(err) ? err.message : "SageMaker did not accept the deployment.";
    // SageMaker's refusal is the answer; a record that cannot be written now is the reconciler's to write
    await finishDecision(
      db,
      intent.id,
      ["pending"],
      "failed",
      `Not deployed: ${message}`,
      decisionAudit(requestId),
      { endpointConfigName: configName },
    ).catch((dbErr: unknown) => log("error", `decision ${intent.id}: outcome not recorded`, { err: dbErr }));
    throw err;
  }
  const where = `${endpoint}${inAccountNote(intent.account)}`;
  let row: DecisionRow | undefined;
  try {
    row =
      (await transition(db, intent.id, ["pending"], "deploying", `Rolling out to ${where}.`, {
        endpointConfigName: configName,
      })) ?? (await getDecision(db, intent.id));
  } catch (err) {
    throw new RecordPendingError(
      `Applied in SageMaker: ${where} is rolling out ${intent.groupName} version ${intent.version}. SageDeck could not record it (its database did not answer); the record will catch up on its own — reload in a minute to follow the rollout.`,
      { cause: err },
    );
  }
  if (!row) throw new Error(`decision ${intent.id} vanished`);
  return toDecisionView(row);
}

async function finishLifecycle(r: DecisionRow): Promise<void> {
  const stage = r.targetStage ?? "Staging";
  const where = `${r.endpointName ?? "its endpoint"}${inAccountNote(r.account)}`;
  await setLifecycle({
    arn: r.modelPackageArn,
    stage,
    stageStatus: "Approved",
    description: `Serving on ${where} (${r.action} by ${r.actorName} via SageDeck, decision ${r.id}).`,
  });
  if (r.previousArn && r.previousArn !== r.modelPackageArn && stage === "Production") {
    await setLifecycle(
      r.action === "rollback"
        ? {
            arn: r.previousArn,
            stage: "Development",
            stageStatus: "OnHold",
            description: `Rolled back from ${where} by ${r.actorName}: ${r.reason ?? ""}`,
          }
        : {
            arn: r.previousArn,
            stage: "Archived",
            stageStatus: "Retired",
            description: `Replaced on ${where} by version ${r.version}.`,
          },
    );
  }
}

/**
 * One look at a deploying decision's endpoint: InService on our config → applied (and ModelLifeCycle
 * updated); our config current while someone else's update is already rolling out → applied too (SageMaker
 * finished ours: during an update the current config is the one that served, the new one is pending); Failed,
 * or rolled back to another config → failed with SageMaker's reason; otherwise unchanged.
 */
export async function followRollout(
  db: Db,
  id: string,
  requestId?: string,
): Promise<DecisionRow | undefined> {
  const r = await getDecision(db, id);
  if (!r || r.state !== "deploying" || !r.endpointName) return r;
  const endpointName = r.endpointName;
  const e = await inAccount(decisionAccount(r), () => describeEndpoint(endpointName, true));
  let failure: string | undefined;
  if (!e) failure = `Endpoint ${r.endpointName} no longer exists.`;
  else if (e.status === "Failed")
    failure = `Rollout failed: ${e.failureReason ?? "SageMaker gave no reason"}.`;
  else if (e.status === "InService" && e.configName !== r.endpointConfigName) {
    failure = e.failureReason
      ? `Rollout failed and SageMaker kept the previous configuration: ${e.failureReason}`
      : `Endpoint ${r.endpointName} was redeployed by someone else (config ${e.configName ?? "unknown"}).`;
  }
  const supersededBy = e ? servedThenSuperseded(e, r.endpointConfigName) : undefined;
  // settled either way: the endpoint reads cached in its account while it was Updating are stale now
  if (failure || supersededBy || e?.status === "InService") await forgetEndpointReads(decisionAccount(r));
  if (failure) {
    const failed = await finishDecision(db, id, ["deploying"], "failed", failure, decisionAudit(requestId));
    return failed ?? getDecision(db, id);
  }
  if (!e || (e.status !== "InService" && !supersededBy)) return r;
  await finishLifecycle(r); // idempotent: a concurrent follower writes the same lifecycle
  // Production keeps its autoscaling on the new config's variant (upserts: a concurrent follower does the same)
  const scaling = await keepProductionScaling(r, e, decisionAccount(r).name);
  const applied = await finishDecision(
    db,
    id,
    ["deploying"],
    "applied",
    supersededBy
      ? `${r.endpointName} served version ${r.version}; another deployment (config ${supersededBy}) is now updating it.${scaling.note}`
      : `${r.endpointName} is InService with version ${r.version}.${scaling.note}`,
    decisionAudit(requestId),
    scaling.warning ? { warning: scaling.warning } : {},
  );
  return applied ?? getDecision(db, id);
}

/**
 * The config that replaces ours when the endpoint is updating away from our config (ours current, another
 * pending): our rollout finished in SageMaker before someone else's began.
 */
function servedThenSuperseded(
  e: { status: string; configName?: string; pendingConfigName?: string },
  ours: string | null,
): string | undefined {
  if (!ours || e.status === "InService" || e.status === "Failed" || e.configName !== ours) return undefined;
  return e.pendingConfigName && e.pendingConfigName !== ours ? e.pendingConfigName : undefined;
}
