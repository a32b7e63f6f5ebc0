import { COLLECTED_QUEUE_DEFINITION } from "./waiting-kpi";
import { DAY_MS } from "./checks/define";
import { countDeployments, succeededRuns } from "./pipeline-deployments";
import { median, p90 } from "./stats";
import type { DeploymentEvent, Known, ModelPackageEvidence, SolutionEvidence } from "./types";

export interface Kpi {
  id:
    | "leadTime"
    | "approvalLatency"
    | "approvalQueue"
    | "deploymentFrequency"
    | "changeFailureRate"
    | "pipelineSuccess"
    | "prodModelAge";
  title: string;
  definition: string;
  /** headline value in `unit`; null when there is no sample */
  value: number | null;
  unit: "hours" | "days" | "percent" | "perWeek" | "count";
  /** p90 where the KPI has one */
  p90?: number | null;
  /** sample size */
  n: number;
  /** some timestamps came from a less precise fallback */
  approx: boolean;
  /** a source could not be read; the value covers what could */
  partialData?: string;
}

const HOUR_MS = 3_600_000;
const values = <T>(k: Known<T[]>): T[] => (k.ok ? k.value : []);
const missing = (...ks: Known<unknown>[]) =>
  ks
    .filter((k): k is { ok: false; reason: string } => !k.ok)
    .map((k) => k.reason)
    .join("; ") || undefined;

const round = (v: number | undefined, digits = 1) =>
  v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits;

function firstDeploy(deps: DeploymentEvent[], arn: string, stage: string): DeploymentEvent | undefined {
  return deps
    .filter((d) => d.packageArn === arn && d.stage === stage && !d.failed)
    .sort((a, b) => a.at - b.at)[0];
}

/** Lifecycle KPIs over one or many solutions (the organisation is all of them), in a window of `days`. */
export function computeKpis(solutions: SolutionEvidence[], now: number, days = 90): Kpi[] {
  const since = now - days * DAY_MS;
  const pkgs = solutions.flatMap((s) => values(s.modelPackages));
  const deps = solutions.flatMap((s) => values(s.deployments));
  const decisions = solutions.flatMap((s) => values(s.decisions));
  const execs = solutions.flatMap((s) => values(s.pipelines).flatMap((p) => p.executions));
  const gaps = missing(
    ...solutions.flatMap((s) => [s.modelPackages, s.deployments, s.decisions, s.pipelines]),
    ...solutions.flatMap((s) => (s.deployPipelines ? [s.deployPipelines] : [])),
  );
  const byArn = new Map<string, ModelPackageEvidence>(pkgs.map((p) => [p.ref.id, p]));

  // lead time: registration → first production deployment, for versions first deployed in the window
  const lead: number[] = [];
  let leadApprox = false;
  for (const p of pkgs) {
    const d = firstDeploy(deps, p.ref.id, "prod");
    if (!d || d.at < since || d.at > now) continue;
    lead.push((d.at - p.createdAt) / HOUR_MS);
    leadApprox ||= !!d.approx;
  }

  // approval latency: registration → decision (SageDeck's record, else LastModifiedTime as an upper bound)
  const latency: number[] = [];
  let latencyApprox = false;
  for (const p of pkgs) {
    if (p.approvalStatus === "PendingManualApproval") continue;
    const d = decisions
      .filter((x) => x.packageArn === p.ref.id && (x.action === "approve" || x.action === "reject"))
      .sort((a, b) => a.at - b.at)[0];
    const at = d?.at ?? p.lastModifiedAt;
    if (at === undefined || at < since || at > now) continue;
    if (!d) latencyApprox = true;
    latency.push((at - p.createdAt) / HOUR_MS);
  }
  const queueAges = pkgs
    .filter((p) => p.approvalStatus === "PendingManualApproval")
    .map((p) => (now - p.createdAt) / HOUR_MS);

  // deployments to production in the window, and which of them failed or were undone within 7 days
  const prodDeps = deps.filter((d) => d.stage === "prod" && d.at >= since && d.at <= now && !d.rollback);
  const prodAll = deps.filter((d) => d.stage === "prod").sort((a, b) => a.at - b.at);
  // per solution: each deploy pipeline's Succeeded execution once, plus the deployments no execution spans
  const counted = solutions.map((s) =>
    countDeployments(
      values(s.deployments).filter((d) => d.stage === "prod" && d.at >= since && d.at <= now && !d.rollback),
      succeededRuns(values(s.deployPipelines ?? { ok: true, value: [] }), since, now),
    ),
  );
  const directDeps = counted.flatMap((c) => c.direct);
  const deployCount = directDeps.length + counted.reduce((n, c) => n + c.runs.length, 0);
  const failed = prodDeps.filter((d) => {
    if (d.failed) return true;
    const after = prodAll.filter((x) => x.at > d.at && x.at <= d.at + 7 * DAY_MS);
    if (after.some((x) => x.rollback)) return true;
    const p = byArn.get(d.packageArn);
    return p?.approvalStatus === "Rejected";
  });

  const finished = execs.filter(
    (x) => x.startedAt >= since && (x.status === "Succeeded" || x.status === "Failed"),
  );
  const ok = finished.filter((x) => x.status === "Succeeded");

  // age of what serves production now: the latest successful production deployment per package endpoint
  const live = solutions.flatMap((s) => values(s.endpoints).filter((ep) => ep.stage === "prod"));
  const ages = live
    .flatMap((ep) => ep.variants.map((v) => (v.modelPackageArn ? byArn.get(v.modelPackageArn) : undefined)))
    .filter((p): p is ModelPackageEvidence => !!p)
    .map((p) => (now - p.createdAt) / DAY_MS);

  return [
    {
      id: "leadTime",
      title: "Lead time to production",
      definition: `Median time from registering a version to its first production deployment, for versions first deployed in the last ${days} days.`,
      value: round(median(lead)),
      p90: round(p90(lead)),
      unit: "hours",
      n: lead.length,
      approx: leadApprox,
      partialData: gaps,
    },
    {
      id: "approvalLatency",
      title: "Approval latency",
      definition: `Median time from registration to approval or rejection, for decisions in the last ${days} days. "approx" when the decision time falls back on LastModifiedTime (an upper bound).`,
      value: round(median(latency)),
      p90: round(p90(latency)),
      unit: "hours",
      n: latency.length,
      approx: latencyApprox,
      partialData: gaps,
    },
    {
      id: "approvalQueue",
      title: "Waiting for a decision",
      definition: COLLECTED_QUEUE_DEFINITION,
      value: queueAges.length,
      p90: round(queueAges.length ? Math.max(...queueAges) : undefined),
      unit: "count",
      n: queueAges.length,
      approx: false,
      partialData: gaps,
    },
    {
      id: "deploymentFrequency",
      title: "Deployment frequency",
      definition: `Production deployments per week over the last ${days} days (rollbacks not counted); a deploy pipeline's succeeded execution is one deployment, whatever endpoint configs it created.`,
      value: round(deployCount / (days / 7), 2),
      unit: "perWeek",
      n: deployCount,
      approx: directDeps.some((d) => d.approx),
      partialData: gaps,
    },
    {
      id: "changeFailureRate",
      title: "Change failure rate",
      definition:
        "Share of production deployments that failed, were rolled back within 7 days, or whose version was later rejected.",
      value: prodDeps.length ? round((failed.length / prodDeps.length) * 100) : null,
      unit: "percent",
      n: prodDeps.length,
      approx: prodDeps.some((d) => d.approx),
      partialData: gaps,
    },
    {
      id: "pipelineSuccess",
      title: "Pipeline success rate",
      definition: `Succeeded ÷ (Succeeded + Failed) pipeline executions started in the last ${days} days (stopped runs not counted).`,
      value: finished.length ? round((ok.length / finished.length) * 100) : null,
      unit: "percent",
      n: finished.length,
      approx: false,
      partialData: gaps,
    },
    {
      id: "prodModelAge",
      title: "Age of the model in production",
      definition:
        "Days since the version serving production was registered (the oldest, when several endpoints serve).",
      value: round(ages.length ? Math.max(...ages) : undefined),
      unit: "days",
      n: ages.length,
      approx: false,
      partialData: gaps,
    },
  ];
}
