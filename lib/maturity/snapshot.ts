/**
 * A maturity computation as snapshot rows (pure): one row for the organisation (`solution_key` "*": its KPIs)
 * and one per solution (phase, score, progress, every check's status and KPI). Stored by
 * lib/db/maturity-snapshots.ts, drawn as trends by the maturity pages.
 */
import type { Assessment } from "./assess";
import type { Kpi } from "./kpis";
import type { SnapshotCheck, SnapshotKpi } from "@/lib/db/schema";
import type { Phase } from "./types";

/** Where a snapshot came from: the scheduler, a manager's "take snapshot now", the demo, or the backfill. */
export type SnapshotSource = "scheduled" | "manual" | "demo" | "reconstructed";

export const ORG_KEY = "*";

// the stored shapes are defined once, next to the table (type-only: this module stays free of I/O)
export type { SnapshotCheck, SnapshotKpi } from "@/lib/db/schema";

export interface SnapshotRow {
  takenAt: Date;
  solutionKey: string;
  solutionName: string;
  phase: Phase | null;
  provisional: boolean;
  score: number | null;
  progress: number | null;
  checks: Record<string, SnapshotCheck>;
  kpis: Record<string, SnapshotKpi>;
  source: SnapshotSource;
}

/** What a snapshot is made of: the shape of report.ts's `Computed`. */
export interface SnapshotInput {
  at: number;
  assessments: Assessment[];
  kpis: Kpi[];
  bySolution: Map<string, Kpi[]>;
}

export function kpiRecord(kpis: Kpi[]): Record<string, SnapshotKpi> {
  return Object.fromEntries(
    kpis.map((k) => [
      k.id,
      { value: k.value, ...(k.p90 !== undefined ? { p90: k.p90 } : {}), n: k.n, approx: k.approx },
    ]),
  );
}

export function checkRecord(a: Assessment): Record<string, SnapshotCheck> {
  return Object.fromEntries(
    a.checks.map((c) => [c.id, c.exemption ? { status: c.status, exempt: true } : { status: c.status }]),
  );
}

/**
 * The organisation row first, then one row per solution, all at `c.at`. The organisation row has no phase,
 * score or progress; it is provisional when any solution is or when a KPI is missing part of its data.
 */
export function snapshotRows(c: SnapshotInput, source: SnapshotSource): SnapshotRow[] {
  const takenAt = new Date(c.at);
  const org: SnapshotRow = {
    takenAt,
    solutionKey: ORG_KEY,
    solutionName: "Organisation",
    phase: null,
    provisional: c.assessments.some((a) => a.provisional) || c.kpis.some((k) => !!k.partialData),
    score: null,
    progress: null,
    checks: {},
    kpis: kpiRecord(c.kpis),
    source,
  };
  return [
    org,
    ...c.assessments.map((a): SnapshotRow => ({
      takenAt,
      solutionKey: a.key,
      solutionName: a.name,
      phase: a.phase,
      provisional: a.provisional,
      score: a.score,
      progress: a.progress,
      checks: checkRecord(a),
      kpis: kpiRecord(c.bySolution.get(a.key) ?? []),
      source,
    })),
  ];
}
