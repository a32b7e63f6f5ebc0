/**
 * Reconstructed history (pure): the organisation assessed as of each of the last `weeks` weeks from today's
 * evidence (`evidenceAsOf`), as snapshot rows with source "reconstructed". Only for a fresh install, so
 * trends show at once; see as-of.ts for what is approximated.
 */
import { evidenceAsOf } from "./as-of";
import { assessOrganisation } from "./assess";
import { computeKpis } from "./kpis";
import { snapshotRows, type SnapshotRow } from "./snapshot";
import type { Known, ProjectEvidence, SolutionEvidence } from "./types";
import { known } from "./types";

export const WEEK_MS = 7 * 86_400_000;

/** One snapshot (org row + a row per solution) per week, oldest first, strictly before `now`. */
export function reconstructHistory(
  solutions: SolutionEvidence[],
  orgProjects: Known<ProjectEvidence[]>,
  now: number,
  weeks = 12,
): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  for (let w = weeks; w >= 1; w -= 1) {
    const t = now - w * WEEK_MS;
    const past = solutions.map((s) => evidenceAsOf(s, t));
    const projects = orgProjects.ok ? known(orgProjects.value.filter((p) => p.createdAt <= t)) : orgProjects;
    rows.push(
      ...snapshotRows(
        {
          at: t,
          assessments: assessOrganisation(past, projects),
          kpis: computeKpis(past, t),
          bySolution: new Map(past.map((s) => [s.key, computeKpis([s], t)])),
        },
        "reconstructed",
      ),
    );
  }
  return rows;
}
