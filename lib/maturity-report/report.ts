/** The maturity report the API and pages serve: collect → assess the organisation → KPIs. */
import { resolveTargets, type EffectiveTargets } from "@/lib/db/maturity-targets";
import { NotFoundError } from "@/lib/errors";
import { withTargets, type KpiWithTarget } from "@/lib/maturity-report/kpi-targets";
import { loadGovernance } from "@/lib/maturity-report/governance";
import { assessOrganisation, type Assessment } from "@/lib/maturity/assess";
import { computeKpis } from "@/lib/maturity/kpis";
import { PHASES, type CheckStatus, type Phase } from "@/lib/maturity/types";
import { withWaitingQueue } from "@/lib/maturity/waiting-kpi";
import {
  collectNow,
  type Collection,
  COLLECT_EVERY_MS,
  latestCollection,
  type CollectionFailure,
} from "./latest";

/** One row of the organisation view: the assessment's headline, and check id → status for the heat map. */
export type SolutionRow = Pick<
  Assessment,
  "key" | "name" | "team" | "phase" | "provisional" | "next" | "progress" | "score"
> & { checks: Record<string, CheckStatus> };

/** How old the figures may be: collected in the background every `refreshMinutes`. */
export interface Freshness {
  refreshMinutes: number;
  /** the latest background collection failed: the figures are those of `generatedAt` */
  collectionFailure?: CollectionFailure;
}

export interface MaturityOverview extends Freshness {
  /** when the SageMaker evidence was collected ("as of") */
  generatedAt: number;
  /** every check id in order, for the heat map's columns */
  checkIds: string[];
  /** each check's title and whether it gates its phase, in `checkIds` order (the heat map's header) */
  checkInfo: CheckInfo[];
  solutions: SolutionRow[];
  /** the organisation's KPIs, with the organisation's targets on lead time and approval latency */
  kpis: KpiWithTarget[];
  /** the organisation's targets */
  targets: EffectiveTargets;
  /** what could not be read from SageDeck's database (exemptions, targets) */
  warnings: string[];
}

export interface CheckInfo {
  id: string;
  title: string;
  required: boolean;
}

export interface SolutionReport extends Freshness {
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
 * Pages read the latest background collection (latest.ts): never a collection of their own. The assessment
 * on top of it (exemptions and targets from SageDeck's database) is redone when `invalidateMaturity()` is
 * called or after 30 s (so another instance's grant shows), without reading SageMaker again.
 */
const REASSESS_MS = 30_000;
interface Cache {
  current?: { collection: Collection; at: number; promise: Promise<Computed> };
}
// on globalThis: Next bundles route handlers and pages separately, and an invalidation must reach both
const g = globalThis as unknown as { sagedeckMaturityCache?: Cache };
const cache: Cache = (g.sagedeckMaturityCache ??= {});

async function compute(c: Collection): Promise<Computed> {
  const gov = await loadGovernance();
  const assessments = assessOrganisation(c.solutions, c.orgProjects, gov.exemptions);
  const organisation = resolveTargets(gov.targets);
  const bySolution = new Map(c.solutions.map((s) => [s.key, resolveTargets(gov.targets, s.key)]));
  return {
    at: c.now,
    assessments,
    kpis: withTargets(withWaitingQueue(computeKpis(c.solutions, c.now), c.waiting, c.now), organisation),
    bySolution: new Map(
      c.solutions.map((s) => [s.key, withTargets(computeKpis([s], c.now), bySolution.get(s.key))]),
    ),
    targets: { organisation, bySolution },
    warnings: gov.warnings,
  };
}

function assessed(c: Collection): Promise<Computed> {
  const cur = cache.current;
  if (!cur || cur.collection !== c || Date.now() - cur.at > REASSESS_MS) {
    const promise = compute(c);
    const entry = { collection: c, at: Date.now(), promise };
    cache.current = entry;
    promise.catch(() => {
      if (cache.current === entry) cache.current = undefined;
    });
    return promise;
  }
  return cur.promise;
}

/**
 * The latest computation. `fresh` runs a collection now and waits for it (the scheduler's snapshots, a
 * manager's "take snapshot now"); without it, the latest background collection — never a new one.
 */
export async function computed(opts: { fresh?: boolean } = {}): Promise<Computed> {
  const c = opts.fresh ? await collectNow() : (await latestCollection()).collection;
  return assessed(c);
}

/** When the figures were collected, how often they are, and a later collection's failure, when there is one. */
async function freshness(): Promise<Freshness> {
  const { failure } = await latestCollection();
  return { refreshMinutes: COLLECT_EVERY_MS / 60_000, ...(failure ? { collectionFailure: failure } : {}) };
}

/** Exemptions or targets changed: the next read re-assesses (SageMaker's evidence is reused). */
export function invalidateMaturity(): void {
  cache.current = undefined;
}

export type SolutionSort = "name" | "phase" | "score";

export async function getMaturityOverview(
  opts: { phase?: Phase | "none"; sort?: SolutionSort } = {},
): Promise<MaturityOverview> {
  const [c, fresh] = await Promise.all([computed(), freshness()]);
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
    ...fresh,
    generatedAt: c.at,
    checkIds: c.assessments[0]?.checks.map((x) => x.id) ?? [],
    checkInfo: (c.assessments[0]?.checks ?? []).map((x) => ({
      id: x.id,
      title: x.title,
      required: x.required,
    })),
    solutions: rows,
    kpis: c.kpis,
    targets: c.targets.organisation,
    warnings: c.warnings,
  };
}

export async function getSolutionReport(key: string): Promise<SolutionReport> {
  const [c, fresh] = await Promise.all([computed(), freshness()]);
  const assessment = c.assessments.find((a) => a.key === key);
  if (!assessment)
    throw new NotFoundError(
      `No ML solution "${key}" was found in SageMaker. Open the maturity page to see every solution.`,
    );
  return {
    ...fresh,
    generatedAt: c.at,
    assessment,
    kpis: c.bySolution.get(key) ?? [],
    targets: c.targets.bySolution.get(key) ?? c.targets.organisation,
    warnings: c.warnings,
  };
}
