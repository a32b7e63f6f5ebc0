import type {
  CheckResult,
  CheckStatus,
  EvidenceItem,
  Known,
  MaturityConfig,
  Phase,
  SolutionEvidence,
} from "../types";

export interface Outcome {
  status: CheckStatus;
  observed: string;
  evidence?: EvidenceItem[];
}

export interface CheckDefinition {
  id: string;
  phase: Phase;
  title: string;
  /** gates the phase (default true) */
  required?: boolean;
  threshold: string;
  action: string;
  run(e: SolutionEvidence, cfg: MaturityConfig): Outcome;
}

/** Thrown inside a check when a source it needs could not be read; becomes status "unknown". */
class Unreadable extends Error {}

/** Unwraps a Known source or makes the check "unknown" with the source's reason. */
export function need<T>(source: Known<T>): T {
  if (!source.ok) throw new Unreadable(source.reason);
  return source.value;
}

export function evaluate(def: CheckDefinition, e: SolutionEvidence, cfg: MaturityConfig): CheckResult {
  let outcome: Outcome;
  try {
    outcome = def.run(e, cfg);
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
    outcome = { status: "unknown", observed: `Could not read the evidence: ${err.message}` };
  }
  return {
    id: def.id,
    phase: def.phase,
    title: def.title,
    required: def.required ?? true,
    threshold: def.threshold,
    action: def.action,
    status: outcome.status,
    observed: outcome.observed,
    evidence: outcome.evidence ?? [],
  };
}

export const DAY_MS = 86_400_000;

export function pct(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** "3 of 4 (75%)" */
export function ratio(part: number, whole: number): string {
  return `${part} of ${whole} (${pct(part, whole)}%)`;
}

/** pass at or above `pass`, partial at or above `partial` (fractions 0–1). */
export function grade(part: number, whole: number, pass: number, partial: number): CheckStatus {
  if (whole === 0) return "na";
  const r = part / whole;
  if (r >= pass) return "pass";
  if (r >= partial && part > 0) return "partial";
  return "fail";
}

export function inWindow(
  at: number,
  e: SolutionEvidence,
  cfg: MaturityConfig,
  days = cfg.windowDays,
): boolean {
  return at >= e.now - days * DAY_MS && at <= e.now;
}

/** Keeps evidence lists readable: the first `n` items. */
export const firstN = <T>(items: T[], n = 5): T[] => items.slice(0, n);
