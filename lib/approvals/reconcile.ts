import { claimDecision, unleasedDecisions } from "@/lib/db/decision-leases";
import { finishDecision, transition } from "@/lib/db/decisions";
import type { Db } from "@/lib/db";
import { ensurePeriodic } from "@/lib/periodic";
import type { DecisionRow } from "@/lib/db/schema";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { applyApproval } from "./decide";
import { reconcileGrants } from "./grant";
import { decisionAudit } from "./audit";
import { holdingLease, leaseOwner } from "./lease";
import { asActor, inAccount } from "@/lib/sagemaker/accounts/context";
import { configNameFor, decisionAccount, followRollout } from "./rollout";
import { isGateDecision, reconcileGate } from "@/lib/deploy-pipelines/gate-reconcile";

export interface ReconcileReport {
  applied: number;
  failed: number;
  inFlight: number;
  errors: number;
}

/** A pending approve/reject: complete it if SageMaker still shows the expected status, else record why not. */
async function reconcileApproval(db: Db, r: DecisionRow): Promise<DecisionRow["state"]> {
  const v = await describeModelVersion(r.modelPackageArn, true);
  if (v.approvalStatus === r.expectedStatus) {
    // the crash came before (or during) the SageMaker call: send it now; ClientToken = id makes it count once
    const view = await applyApproval({ db }, r.id);
    return view.state;
  }
  const ours = v.approvalStatus === r.toStatus && (v.approvalDescription ?? "").includes(r.id);
  const row = ours
    ? await finishDecision(
        db,
        r.id,
        ["pending"],
        "applied",
        `SageMaker shows ${r.toStatus} (confirmed by the reconciler).`,
        decisionAudit(),
      )
    : await finishDecision(
        db,
        r.id,
        ["pending"],
        "failed",
        `Not applied: SageMaker shows ${v.approvalStatus} (changed by ${v.lastModifiedBy ?? "someone else"}), not ${r.expectedStatus}.`,
        decisionAudit(),
      );
  return row?.state ?? r.state;
}

/**
 * A pending promote/rollback whose request died (its lease lapsed): SageMaker's whole truth decides. Our config
 * live, or being rolled out (during an update DescribeEndpoint shows the old config in EndpointConfigName and ours
 * in PendingDeploymentSummary) → deploying, followed until InService (applied, ModelLifeCycle updated) or Failed /
 * rolled back (failed with SageMaker's reason). The endpoint changed since the intent with a FailureReason and
 * neither config is ours → SageMaker rolled ours back: failed with its reason. Otherwise the call never landed.
 */
async function reconcileDeployment(db: Db, r: DecisionRow): Promise<DecisionRow["state"]> {
  const ours = configNameFor(r.endpointName ?? "", r.id);
  const name = r.endpointName;
  const e = name ? await inAccount(decisionAccount(r), () => describeEndpoint(name, true)) : null;
  if (e && (e.configName === ours || e.pendingConfigName === ours)) {
    const rolling = e.configName === ours ? "" : ` (SageMaker is rolling it out: ${e.status})`;
    await transition(
      db,
      r.id,
      ["pending"],
      "deploying",
      `Rollout to ${r.endpointName} found by the reconciler${rolling}.`,
      { endpointConfigName: ours },
    );
    return (await followRollout(db, r.id))?.state ?? "deploying";
  }
  const rolledBack =
    e?.failureReason && !e.pendingConfigName && (e.lastModifiedAt ?? 0) >= r.createdAt.getTime();
  const served = e?.servedArn?.split("/").pop();
  const row = await finishDecision(
    db,
    r.id,
    ["pending"],
    "failed",
    rolledBack
      ? `Rollout failed and SageMaker kept the previous configuration: ${e.failureReason}`
      : `Interrupted before the rollout reached SageMaker (${r.endpointName ?? "no endpoint"} still serves ${served ? `version ${served}` : "what it served"}); promote again.`,
    decisionAudit(),
    { endpointConfigName: ours },
  );
  return row?.state ?? r.state;
}

/**
 * How often the reconciler runs: with the 10 s lease a dead request's decision is taken over within 13 s plus one
 * pass, inside the 15 s asked for (a 5 s tick left no room for the pass itself).
 */
export const RECONCILER_TICK_MS = 3_000;

/** One in-flight decision, taken over (claimed) and worked on under the reconciler's own lease. */
async function reconcileOne(db: Db, candidate: DecisionRow, at: Date): Promise<DecisionRow["state"] | null> {
  const owner = leaseOwner("reconciler");
  const r = await claimDecision(db, candidate.id, owner, at);
  if (!r) return null; // finished, or someone holds it now
  // the reconciler finishes the person's decision as that person (their name in assumed-role sessions)
  return holdingLease(db, r.id, owner, () =>
    asActor(r.actor, async () =>
      r.state === "deploying"
        ? ((await followRollout(db, r.id))?.state ?? r.state)
        : r.action === "approve" || r.action === "reject"
          ? await reconcileApproval(db, r)
          : isGateDecision(r)
            ? await reconcileGate(db, r)
            : await reconcileDeployment(db, r),
    ),
  );
}

/**
 * Finishes what a crash, a restart or a database outage left behind: in-flight decisions whose lease has lapsed
 * (their request is dead or done) are taken over one by one — pending ones completed or failed by SageMaker's
 * actual state, deploying ones followed one step. A decision whose lease is alive is never touched. Leases are
 * judged as of now − `pendingOlderThanMs` (default 0; tests pass a negative value to act as if that much time had
 * passed).
 */
export async function reconcileDecisions(
  db: Db,
  opts: { pendingOlderThanMs?: number } = {},
): Promise<ReconcileReport> {
  const report: ReconcileReport = { applied: 0, failed: 0, inFlight: 0, errors: 0 };
  const at = new Date(Date.now() - (opts.pendingOlderThanMs ?? 0));
  const rows = await unleasedDecisions(db, at);
  for (const candidate of rows) {
    try {
      const state = await reconcileOne(db, candidate, at);
      if (state === null) continue;
      if (state === "applied") report.applied += 1;
      else if (state === "failed") report.failed += 1;
      else report.inFlight += 1;
    } catch (err) {
      report.errors += 1;
      console.error(`[reconciler] decision ${candidate.id}: ${(err as Error).message}`);
    }
  }
  return report;
}

/**
 * Runs the reconciler (decisions, then "Grant access" changes) now and then every `everyMs` in this process
 * (idempotent; one pass at a time across replicas: lib/periodic-lease.ts).
 */
export function ensureReconciler(everyMs = RECONCILER_TICK_MS): void {
  // the summed report is what sagedeck_reconciler_actions_total{job="reconciler"} counts (lib/periodic.ts)
  ensurePeriodic("reconciler", everyMs, async (db) => {
    const decisions = await reconcileDecisions(db);
    const grants = await reconcileGrants(db);
    return {
      applied: decisions.applied + grants.applied,
      failed: decisions.failed + grants.failed,
      inFlight: decisions.inFlight,
      errors: decisions.errors + grants.errors,
    };
  });
}
