/** The maturity report the API and pages serve: collect → assess the organisation → KPIs. */
import { getConfig } from "@/lib/config";
import { resolveTargets, type EffectiveTargets } from "@/lib/db/maturity-targets";
import { NotFoundError } from "@/lib/errors";
import { withTargets, type KpiWithTarget } from "@/lib/maturity-report/kpi-targets";
import { loadGovernance } from "@/lib/maturity-report/governance";
import { assessOrganisation, type Assessment } from "@/lib/maturity/assess";
import { computeKpis } from "@/lib/maturity/kpis";
import { PHASES, type CheckStatus, type Phase } from "@/lib/maturity/types";
import { decisionsFromDb } from "@/lib/maturity-report/collect/decisions";
import { collectMaturity, type Collection } from "@/lib/maturity-report/collect/index";

/** One row of the organisation view: the assessment's headline, and check id → status for the heat map. */
export type SolutionRow = Pick<
  Assessment,
  "key" | "name" | "team" | "phase" | "provisional" | "next" | "progress" | "score"
> & { checks: Record<string, CheckStatus> };

export interface MaturityOverview {
  generatedAt: number;
  /** every check id in order, for the heat map's columns */
  checkIds: string[];
  solutions: SolutionRow[];
  /** the organisation's KPIs, with the organisation's targets on lead time and approval latency */
  kpis: KpiWithTarget[];
  /** the organisation's targets */
  targets: EffectiveTargets;
  /** what could not be read from SageDeck's database (exemptions, targets) */
  warnings: string[];
}

export interface SolutionReport {
  generatedAt: number;
  assessment: Assessment;
  /** the solution's KPIs, with its effective targets (its override, else the organisation's) */
  kpis: KpiWithTarget[];
  targets: EffectiveTargets;
  warnings: string[];
}

export interface Computed {
  at: number;
  assessments: Assessment[];
  kpis: KpiWithTarget[];
  bySolution: Map<string, KpiWithTarget[]>;
  targets: { organisation: EffectiveTargets; bySolution: Map<string, EffectiveTargets> };
  warnings: string[];
}

/**
 * The SageMaker collection is kept at most 30 s and shared by concurrent requests. The assessment on top of it
 * (exemptions and targets from SageDeck's database) is redone when `invalidateMaturity()` is called, without
 * reading SageMaker again — so a grant or revoke shows at once in this process (other instances: ≤ 30 s).
 */
const MAX_AGE_MS = 30_000;
interface Cache {
  collection?: { at: number; promise: Promise<Collection> };
  current?: { at: number; promise: Promise<Computed> };
}
// on globalThis: Next bundles route handlers and pages separately, and an invalidation must reach both
const g = globalThis as unknown as { sagedeckMaturityCache?: Cache };
const cache: Cache = (g.sagedeckMaturityCache ??= {});

function collect(fresh: boolean): { at: number; promise: Promise<Collection> } {
  if (fresh || !cache.collection || Date.now() - cache.collection.at > MAX_AGE_MS) {
    const promise = collectMaturity(Date.now(), undefined, decisionsFromDb, getConfig().maturity);
    const entry = { at: Date.now(), promise };
    cache.collection = entry;
    promise.catch(() => {
      if (cache.collection === entry) cache.collection = undefined;
    });
  }
  return cache.collection;
}

async function compute(source: Promise<Collection>): Promise<Computed> {
  const [c, gov] = await Promise.all([source, loadGovernance()]);
  const assessments = assessOrganisation(c.solutions, c.orgProjects, gov.exemptions);
  const organisation = resolveTargets(gov.targets);
  const bySolution = new Map(c.solutions.map((s) => [s.key, resolveTargets(gov.targets, s.key)]));
  return {
    at: c.now,
    assessments,
    kpis: withTargets(computeKpis(c.solutions, c.now), organisation),
    bySolution: new Map(
      c.solutions.map((s) => [s.key, withTargets(computeKpis([s], c.now), bySolution.get(s.key))]),
    ),
    targets: { organisation, bySolution },
    warnings: gov.warnings,
  };
}

/** The current computation; `fresh` starts a new collection (the scheduler's snapshots, after a change). */
export function computed(opts: { fresh?: boolean } = {}): Promise<Computed> {
  if (opts.fresh || !cache.current || Date.now() - cache.current.at > MAX_AGE_MS) {
    const source = collect(opts.fresh ?? false);
    const promise = compute(source.promise);
    const entry = { at: source.at, promise };
    cache.current = entry;
    promise.catch(() => {
      if (cache.current === entry) cache.current = undefined;
    });
  }
  return cache.current.promise;
}

/** Exemptions or targets changed: the next read re-assesses (SageMaker's evidence is reused while fresh). */
export function invalidateMaturity(): void {
  cache.current = undefined;
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
    targets: c.targets.organisation,
    warnings: c.warnings,
  };
}

export async function getSolutionReport(key: string): Promise<SolutionReport> {
  const c = await computed();
  const assessment = c.assessments.find((a) => a.key === key);
  if (!assessment)
    throw new NotFoundError(
      `No ML solution "${key}" was found in SageMaker. Open the maturity page to see every solution.`,
    );
  return {
    generatedAt: c.at,
    assessment,
    kpis: c.bySolution.get(key) ?? [],
    targets: c.targets.bySolution.get(key) ?? c.targets.organisation,
    warnings: c.warnings,
  };
}
