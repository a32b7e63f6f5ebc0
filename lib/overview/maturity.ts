/** The manager's overview section: solutions per phase, the most urgent next steps and the KPI headlines. */
import { getMaturityOverview, getSolutionReport } from "@/lib/maturity-report/report";
import type { Kpi } from "@/lib/maturity/kpis";
import { PHASES, type Phase } from "@/lib/maturity/types";

export const URGENT_LIMIT = 3;
/** The KPI headlines the overview shows, in this order. */
export const HEADLINE_KPIS: readonly Kpi["id"][] = ["leadTime", "approvalLatency", "pipelineSuccess"];

export interface PhaseGroup {
  /** null: not yet Initial */
  phase: Phase | null;
  solutions: { key: string; name: string }[];
}

export interface UrgentStep {
  key: string;
  name: string;
  phase: Phase | null;
  next: Phase | null;
  progress: number;
  step: { id: string; title: string; action: string; required: boolean };
}

export interface MaturitySummary {
  generatedAt: number;
  phases: PhaseGroup[];
  urgent: UrgentStep[];
  kpis: Kpi[];
}

const rank = (p: Phase | null) => (p ? PHASES.indexOf(p) : -1);

/**
 * Most urgent first: a failing required check before an advisory one, then the lowest phase, then the
 * least progress towards the next phase.
 */
export function byUrgency(a: UrgentStep, b: UrgentStep): number {
  return (
    Number(b.step.required) - Number(a.step.required) ||
    rank(a.phase) - rank(b.phase) ||
    a.progress - b.progress ||
    a.name.localeCompare(b.name)
  );
}

/** Read-only over the maturity report (the same 30-second computation as /maturity). */
export async function getMaturitySummary(): Promise<MaturitySummary> {
  const overview = await getMaturityOverview({ sort: "name" });
  const phases: PhaseGroup[] = [null, ...PHASES].map((phase) => ({
    phase,
    solutions: overview.solutions.filter((s) => s.phase === phase).map((s) => ({ key: s.key, name: s.name })),
  }));
  const reports = await Promise.all(overview.solutions.map((s) => getSolutionReport(s.key)));
  const urgent = reports
    .flatMap(({ assessment: a }): UrgentStep[] => {
      const first = a.nextSteps[0];
      if (!first) return [];
      const step = { id: first.id, title: first.title, action: first.action, required: first.required };
      return [{ key: a.key, name: a.name, phase: a.phase, next: a.next, progress: a.progress, step }];
    })
    .sort(byUrgency)
    .slice(0, URGENT_LIMIT);
  const kpis = HEADLINE_KPIS.flatMap((id) => overview.kpis.filter((k) => k.id === id));
  return { generatedAt: overview.generatedAt, phases, urgent, kpis };
}
