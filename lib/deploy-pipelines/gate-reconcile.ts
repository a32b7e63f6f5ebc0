/**
 * Settles a gate answer left pending (a crash or a lost answer between the intent and PutApprovalResult) by what
 * CodePipeline shows now: the gate still open with the intent's token → send the answer now; the approval's run
 * answered with a summary naming this decision → applied; answered by someone else, expired, stopped or retried →
 * failed, naming who/when. Exactly one audit row either way (finishDecision).
 */
import type { Db } from "@/lib/db";
import { finishDecision } from "@/lib/db/decisions";
import type { DecisionRow } from "@/lib/db/schema";
import { getPipelineState } from "@/lib/sagemaker/codepipeline";
import { describeAnswer, gateRun } from "./gate-answered";
import { applyGateAnswer, gateAudit } from "./gate-decide";

export const isGateDecision = (r: Pick<DecisionRow, "action">) =>
  r.action === "gate-approve" || r.action === "gate-reject";

export async function reconcileGate(db: Db, r: DecisionRow): Promise<DecisionRow["state"]> {
  const gate = r.gate;
  if (!gate) {
    const row = await finishDecision(
      db,
      r.id,
      ["pending"],
      "failed",
      "Not applied: the gate is not recorded.",
      gateAudit(),
    );
    return row?.state ?? r.state;
  }
  const state = await getPipelineState(gate.pipeline, true);
  const stage = state.stages.find((s) => s.stage === gate.stage);
  const open = stage?.actions.find((a) => a.action === gate.action);
  if (open?.status === "InProgress" && open.token === gate.token && stage?.executionId === gate.executionId) {
    // the crash came before the call reached CodePipeline: answer now
    return (await applyGateAnswer({ db }, r.id)).state;
  }
  const run = await gateRun(gate);
  const ours = run !== undefined && run.status !== "InProgress" && (run.summary ?? "").includes(r.id);
  const row = ours
    ? await finishDecision(
        db,
        r.id,
        ["pending"],
        "applied",
        `CodePipeline shows the gate ${r.toStatus} (confirmed by the reconciler).`,
        gateAudit(),
      )
    : await finishDecision(
        db,
        r.id,
        ["pending"],
        "failed",
        `Not applied: the gate was ${await describeAnswer(db, gate)}.`,
        gateAudit(),
      );
  return row?.state ?? r.state;
}
