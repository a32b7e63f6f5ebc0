/** The maturity report the API and pages serve: collect → assess the organisation → KPIs. */
import { NotFoundError } from "@/lib/errors";
import { assessOrganisation, type Assessment } from "../assess";
import { computeKpis, type Kpi } from "../kpis";
import { PHASES, type CheckStatus, type Phase } from "../types";
import { decisionsFromDb } from "./decisions";
import { collectMaturity } from "./index";

export interface SolutionRow {
  key: string;
  name: string;
  team?: string;
  phase: Phase | null;
  provisional: boolean;
  next: Phase | null;
  progress: number;
  score: number;
  /** check id → status, for the heat map */
  checks: Record<string, CheckStatus>;
}

export interface MaturityOverview {
  generatedAt: number;
  /** every check id in order, for the heat map's columns */
  checkIds: string[];
  solutions: SolutionRow[];
  kpis: Kpi[];
}

export interface SolutionReport {
  generatedAt: number;
  assessment: Assessment;
  kpis: Kpi[];
}

export interface Computed {
  at: number;
  assessments: Assessment[];
  kpis: Kpi[];
  bySolution: Map<string, Kpi[]>;
}

/** Recomputed at most every 30 s; concurrent requests share one collection. */
const MAX_AGE_MS = 30_000;
let current: { at: number; promise: Promise<Computed> } | undefined;

async function compute(): Promise<Computed> {
  const c = await collectMaturity(Date.now(), undefined, decisionsFromDb);
  const assessments = assessOrganisation(c.solutions, c.orgProjects);
  return {
    at: c.now,
    assessments,
    kpis: computeKpis(c.solutions, c.now),
    bySolution: new Map(c.solutions.map((s) => [s.key, computeKpis([s], c.now)])),
  };
}

/** The current computation; `fresh` starts a new collection (the scheduler's snapshots, after a change). */
export function computed(opts: { fresh?: boolean } = {}): Promise<Computed> {
  if (opts.fresh || !current || Date.now() - current.at > MAX_AGE_MS) {
    const promise = compute();
    current = { at: Date.now(), promise };
    promise.catch(() => (current = undefined));
  }
  return current.promise;
}

export type SolutionSort = "name" | "phase" | "score";

export async function getMaturityOverview(
  opts: { phase?: Phase | "none"; sort?: SolutionSort } = {},
): Promise<MaturityOverview> {
  const c = await computed();
  const rank = (p: Phase | null) => (p ? PHASES.indexOf(p) : -1);
  const rows = c.assessments
    .filter((a) => !opts.phase || (opts.phase === "none" ? a.phase === null : a.phase === opts.phase))
    .map((a) => ({
      key: a.key,
      name: a.name,
      team: a.team,
      phase: a.phase,
      provisional: a.provisional,
      next: a.next,
      progress: a.progress,
      score: a.score,
      checks: Object.fromEntries(a.checks.map((x) => [x.id, x.status])),
    }))
    .sort((a, b) =>
      opts.sort === "score"
        ? b.score - a.score || a.name.localeCompare(b.name)
        : opts.sort === "phase"
          ? rank(b.phase) - rank(a.phase) || b.progress - a.progress
          : a.name.localeCompare(b.name),
    );
  return {
    generatedAt: c.at,
    checkIds: c.assessments[0]?.checks.map((x) => x.id) ?? [],
    solutions: rows,
    kpis: c.kpis,
  };
}

export async function getSolutionReport(key: string): Promise<SolutionReport> {
  const c = await computed();
  const assessment = c.assessments.find((a) => a.key === key);
  if (!assessment)
    throw new NotFoundError(
      `No ML solution "${key}" was found in SageMaker. Open the maturity page to see every solution.`,
    );
  return { generatedAt: c.at, assessment, kpis: c.bySolution.get(key) ?? [] };
}
