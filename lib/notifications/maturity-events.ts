/**
 * `maturity.phase_changed` (issue 21): a solution's phase in a new maturity snapshot differs from its previous
 * snapshot (up or down the ladder). Enqueued by lib/db/maturity-snapshots.ts in the transaction that writes the
 * snapshot, so the notification exists exactly when the snapshot does; its id names the snapshot row
 * (`maturity-phase:<solution>:<snapshot id>`).
 */
import type { MaturitySnapshotRow } from "@/lib/db/schema";
import { PHASES, type Phase } from "@/lib/maturity/types";
import { maturityRoutes } from "@/lib/routes";
import type { NotificationEvent } from "./events";

/** The snapshot's own points in time: what a phase change compares. */
export type PhasePoint = Pick<
  MaturitySnapshotRow,
  "id" | "takenAt" | "solutionKey" | "solutionName" | "phase" | "provisional" | "score" | "checks"
>;

const rank = (phase: string | null) => (phase ? PHASES.indexOf(phase as Phase) : -1);
const named = (phase: string | null) => phase ?? "no phase";

/** The checks whose status differs between the two snapshots (at most six, for the summary). */
function changedChecks(before: PhasePoint, after: PhasePoint): { check: string; from: string; to: string }[] {
  const ids = [...new Set([...Object.keys(before.checks), ...Object.keys(after.checks)])].sort();
  return ids
    .map((check) => ({
      check,
      from: before.checks[check]?.status ?? "absent",
      to: after.checks[check]?.status ?? "absent",
    }))
    .filter((c) => c.from !== c.to)
    .slice(0, 6);
}

/** The event of a phase change between a solution's previous snapshot and this one; undefined when unchanged. */
export function phaseChangeEvent(previous: PhasePoint, now: PhasePoint): NotificationEvent | undefined {
  if ((previous.phase ?? null) === (now.phase ?? null)) return undefined;
  const up = rank(now.phase) > rank(previous.phase);
  const checks = changedChecks(previous, now);
  const at = now.takenAt.toISOString();
  const summary = [
    `Maturity snapshot of ${at.slice(0, 16).replace("T", " ")} UTC: ${named(now.phase)}, was ${named(previous.phase)} on ${previous.takenAt.toISOString().slice(0, 10)}.`,
    now.score !== null
      ? `Score ${now.score}${previous.score !== null ? ` (was ${previous.score})` : ""}.`
      : null,
    checks.length ? `Changed: ${checks.map((c) => `${c.check} ${c.from} → ${c.to}`).join(", ")}.` : null,
    now.provisional ? "Provisional: some evidence could not be read." : null,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    id: `maturity-phase:${now.solutionKey}:${now.id}`,
    type: "maturity.phase_changed",
    occurredAt: at,
    title: `${now.solutionName} moved ${up ? "up" : "down"} to ${named(now.phase)} (from ${named(previous.phase)})`,
    summary,
    path: maturityRoutes.solution(now.solutionKey),
    solution: now.solutionKey,
    data: {
      solution: now.solutionKey,
      solutionName: now.solutionName,
      from: previous.phase,
      to: now.phase,
      direction: up ? "up" : "down",
      snapshotId: now.id,
      takenAt: at,
      previousSnapshotId: previous.id,
      previousTakenAt: previous.takenAt.toISOString(),
      score: now.score,
      previousScore: previous.score,
      provisional: now.provisional,
      changedChecks: checks,
    },
  };
}
