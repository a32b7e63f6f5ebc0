import { finishDecision, transition, unfinishedDecisions } from "@/lib/db/decisions";
import type { Db } from "@/lib/db";
import { ensurePeriodic } from "@/lib/periodic";
import type { DecisionRow } from "@/lib/db/schema";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { applyApproval } from "./decide";
import { reconcileGrants } from "./grant";
import { decisionAudit } from "./audit";
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

/** A pending promote/rollback: if the rollout reached SageMaker follow it, else fail it (nothing changed). */
async function reconcileDeployment(db: Db, r: DecisionRow): Promise<DecisionRow["state"]> {
  const ours = configNameFor(r.endpointName ?? "", r.id);
  const name = r.endpointName;
  const e = name ? await inAccount(decisionAccount(r), () => describeEndpoint(name, true)) : null;
  if (e && e.configName === ours) {
    await transition(
      db,
      r.id,
      ["pending"],
      "deploying",
      `Rollout to ${r.endpointName} found by the reconciler.`,
      {
        endpointConfigName: ours,
      },
    );
    return (await followRollout(db, r.id))?.state ?? "deploying";
  }
  const row = await finishDecision(
    db,
    r.id,
    ["pending"],
    "failed",
    `Interrupted before the rollout reached SageMaker (${r.endpointName ?? "no endpoint"} still serves ${e?.servedArn?.split("/").pop() ? `version ${e.servedArn.split("/").pop()}` : "what it served"}); promote again.`,
    decisionAudit(),
    { endpointConfigName: ours },
  );
  return row?.state ?? r.state;
}

/**
 * Finishes what a crash or a restart left behind: pending intents older than `pendingOlderThanMs` are
 * completed or failed by SageMaker's actual state; deploying ones are followed one step.
 */
export async function reconcileDecisions(
  db: Db,
  opts: { pendingOlderThanMs?: number } = {},
): Promise<ReconcileReport> {
  const report: ReconcileReport = { applied: 0, failed: 0, inFlight: 0, errors: 0 };
  const rows = await unfinishedDecisions(db, new Date(Date.now() - (opts.pendingOlderThanMs ?? 60_000)));
  for (const r of rows) {
    try {
      // the reconciler finishes the person's decision as that person (their name in assumed-role sessions)
      const state = await asActor(r.actor, async () =>
        r.state === "deploying"
          ? ((await followRollout(db, r.id))?.state ?? r.state)
          : r.action === "approve" || r.action === "reject"
            ? await reconcileApproval(db, r)
            : isGateDecision(r)
              ? await reconcileGate(db, r)
              : await reconcileDeployment(db, r),
      );
      if (state === "applied") report.applied += 1;
      else if (state === "failed") report.failed += 1;
      else report.inFlight += 1;
    } catch (err) {
      report.errors += 1;
      console.error(`[reconciler] decision ${r.id}: ${(err as Error).message}`);
    }
  }
  return report;
}

/**
 * Runs the reconciler (decisions, then "Grant access" changes) now and then every `everyMs` in this process
 * (idempotent; one pass at a time across replicas: lib/periodic-lease.ts).
 */
export function ensureReconciler(everyMs = 10_000): void {
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
