import { evaluate, type CheckDefinition } from "./checks/define";
import { INITIAL_CHECKS } from "./checks/initial";
import { RELIABLE_CHECKS } from "./checks/reliable";
import { REPEATABLE_CHECKS } from "./checks/repeatable";
import { SCALABLE_CHECKS } from "./checks/scalable";
import {
  DEFAULT_CONFIG,
  PHASES,
  type CheckResult,
  type Exemption,
  type MaturityConfig,
  type Phase,
  type SolutionEvidence,
} from "./types";

export const CHECKS: readonly CheckDefinition[] = [
  ...INITIAL_CHECKS,
  ...REPEATABLE_CHECKS,
  ...RELIABLE_CHECKS,
  ...SCALABLE_CHECKS,
];

export interface PhaseProgress {
  phase: Phase;
  /** required checks of this phase that pass (exemptions included) */
  passed: number;
  /** required checks of this phase that count (not n/a, not unknown) */
  counted: number;
  /** required checks whose evidence could not be read */
  unknown: number;
}

export interface Assessment {
  key: string;
  name: string;
  team?: string;
  /** highest phase reached by the gated rule, or null when not even Initial */
  phase: Phase | null;
  /** the phase is provisional: a required check up to the next phase is unknown */
  provisional: boolean;
  next: Phase | null;
  /** 0–100: share of the next phase's required checks that pass */
  progress: number;
  /** overall score 0–100 over every counted check (pass 1, partial 0.5) */
  score: number;
  phases: PhaseProgress[];
  checks: CheckResult[];
  /** the first failing required checks of the next phase, then advisory ones: what to do next */
  nextSteps: CheckResult[];
}

const counts = (c: CheckResult) => c.status !== "na" && c.status !== "unknown";

function applyExemptions(results: CheckResult[], exemptions: Exemption[], now: number): CheckResult[] {
  return results.map((r) => {
    const ex = exemptions.find((x) => x.checkId === r.id && x.expiresAt > now);
    if (!ex || r.status === "pass") return r;
    return { ...r, status: "pass", exemption: ex };
  });
}

/**
 * Gated rule: a phase is reached when its required checks and those of every lower phase pass.
 * Unknown checks are never failures: they are left out of the count and make the result provisional.
 * A phase whose required checks are all n/a (e.g. Reliable without a production endpoint) is not reached.
 */
export function phaseOf(
  results: CheckResult[],
): Pick<Assessment, "phase" | "provisional" | "next" | "progress" | "phases"> {
  const phases: PhaseProgress[] = PHASES.map((phase) => {
    const req = results.filter((r) => r.phase === phase && r.required);
    return {
      phase,
      passed: req.filter((r) => r.status === "pass").length,
      counted: req.filter(counts).length,
      unknown: req.filter((r) => r.status === "unknown").length,
    };
  });
  let reached: Phase | null = null;
  let provisional = false;
  for (const p of phases) {
    const ok = p.counted > 0 && p.passed === p.counted;
    if (!ok) break;
    reached = p.phase;
    if (p.unknown > 0) provisional = true;
  }
  const nextIndex = reached === null ? 0 : PHASES.indexOf(reached) + 1;
  const next = PHASES[nextIndex] ?? null;
  const np = phases[nextIndex];
  const progress = np && np.counted > 0 ? Math.round((np.passed / np.counted) * 100) : next ? 0 : 100;
  if (np && np.unknown > 0) provisional = true;
  return { phase: reached, provisional, next, progress, phases };
}

export function assessSolution(
  e: SolutionEvidence,
  exemptions: Exemption[] = [],
  cfg: MaturityConfig = DEFAULT_CONFIG,
): Assessment {
  const checks = applyExemptions(
    CHECKS.map((def) => evaluate(def, e, cfg)),
    exemptions,
    e.now,
  );
  const gate = phaseOf(checks);
  const counted = checks.filter(counts);
  const points = counted.reduce(
    (s, c) => s + (c.status === "pass" ? 1 : c.status === "partial" ? 0.5 : 0),
    0,
  );
  const failing = (c: CheckResult) => counts(c) && c.status !== "pass";
  const nextSteps = [
    ...checks.filter((c) => c.phase === gate.next && c.required && failing(c)),
    ...checks.filter(
      (c) => !c.required && failing(c) && PHASES.indexOf(c.phase) <= PHASES.indexOf(gate.next ?? "Scalable"),
    ),
  ];
  return {
    key: e.key,
    name: e.name,
    team: e.team,
    ...gate,
    score: counted.length ? Math.round((points / counted.length) * 100) : 0,
    checks,
    nextSteps,
  };
}

/**
 * Assesses every solution twice: first without the organisation view, to learn which teams are Reliable
 * in production, then with it, so the Scalable checks (S-2, S-3) can compare across teams.
 */
export function assessOrganisation(
  solutions: SolutionEvidence[],
  orgProjects: SolutionEvidence["projects"],
  exemptions: Record<string, Exemption[]> = {},
  cfg: MaturityConfig = DEFAULT_CONFIG,
): Assessment[] {
  const first = solutions.map((s) => assessSolution(s, exemptions[s.key] ?? [], cfg));
  const byTeam = new Map<string, boolean>();
  first.forEach((a, i) => {
    const l2 = a.checks.find((c) => c.id === "L-2");
    if (l2?.status !== "pass") return;
    const team = solutions[i]?.team ?? a.key;
    const reliable = a.phase === "Reliable" || a.phase === "Scalable" || reachesReliableIgnoringScalable(a);
    byTeam.set(team, (byTeam.get(team) ?? false) || reliable);
  });
  const teamsInProduction = [...byTeam].map(([team, reliable]) => ({ team, reliable }));
  return solutions.map((s) =>
    assessSolution({ ...s, org: { projects: orgProjects, teamsInProduction } }, exemptions[s.key] ?? [], cfg),
  );
}

function reachesReliableIgnoringScalable(a: Assessment): boolean {
  const upTo = a.phases.filter((p) => p.phase !== "Scalable");
  return upTo.every((p) => p.counted > 0 && p.passed === p.counted);
}
