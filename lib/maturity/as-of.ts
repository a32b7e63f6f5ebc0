/**
 * What a solution's evidence looked like at an earlier time `t` (pure), so history can be reconstructed on a
 * fresh install. SageMaker keeps no history of most states, so this is an approximation:
 *
 * - training jobs, pipeline executions, model versions, projects, decisions and deployments are kept when
 *   created (started, taken) by `t`; a pipeline appears with its first execution;
 * - an execution not ended by `t` was Executing then; a training job keeps its current status (no end time);
 * - a version's approval status at `t` is the last approve/reject decision by `t` when SageDeck recorded one;
 *   without a decision, a status last modified after `t` is taken as PendingManualApproval at `t`;
 * - endpoints are kept when their stage had a deployment by `t` (all of them when deployments cannot be read),
 *   serving the version last deployed to that stage by `t`; monitoring schedules follow their endpoint, and a
 *   schedule's last run after `t` is assumed to have run on its cadence (last run at `t`, same status);
 * - tags, data capture and rollout settings are today's; training jobs only reach back as far as the
 *   collector's window (90 days), so early points may show fewer jobs than there were.
 */
import {
  known,
  type ApprovalStatus,
  type DecisionEvidence,
  type Known,
  type ModelPackageEvidence,
  type SolutionEvidence,
} from "./types";

const keep = <T>(k: Known<T[]>, f: (v: T) => boolean): Known<T[]> => (k.ok ? known(k.value.filter(f)) : k);
const mapK = <T, U>(k: Known<T>, f: (v: T) => U): Known<U> => (k.ok ? known(f(k.value)) : k);

function approvalAt(
  p: ModelPackageEvidence,
  decisions: DecisionEvidence[] | undefined,
  t: number,
): ModelPackageEvidence {
  const mine = decisions?.filter(
    (d) => d.packageArn === p.ref.id && (d.action === "approve" || d.action === "reject"),
  );
  if (mine && mine.length > 0) {
    const last = mine
      .filter((d) => d.at <= t)
      .sort((a, b) => a.at - b.at)
      .pop();
    const status: ApprovalStatus = !last
      ? "PendingManualApproval"
      : last.action === "approve"
        ? "Approved"
        : "Rejected";
    return status === p.approvalStatus && (p.lastModifiedAt ?? 0) <= t
      ? p
      : { ...p, approvalStatus: status, lastModifiedAt: last?.at, lastModifiedBy: undefined };
  }
  if (p.lastModifiedAt !== undefined && p.lastModifiedAt > t) {
    return {
      ...p,
      approvalStatus: "PendingManualApproval",
      lastModifiedAt: undefined,
      lastModifiedBy: undefined,
    };
  }
  return p;
}

/** The solution's evidence as of `t` (≤ its `now`); see the module comment for what is approximated. */
export function evidenceAsOf(s: SolutionEvidence, t: number): SolutionEvidence {
  const decisions = keep(s.decisions, (d) => d.at <= t);
  const deployments = keep(s.deployments, (d) => d.at <= t);
  const allDecisions = s.decisions.ok ? s.decisions.value : undefined;
  const modelPackages = mapK(
    keep(s.modelPackages, (p) => p.createdAt <= t),
    (ps) => ps.map((p) => approvalAt(p, allDecisions, t)),
  );
  const pipelines = mapK(s.pipelines, (ps) =>
    ps.flatMap((p) => {
      const executions = p.executions
        .filter((e) => e.startedAt <= t)
        .map((e) =>
          e.endedAt !== undefined && e.endedAt <= t
            ? e
            : { ...e, status: "Executing" as const, endedAt: undefined },
        );
      return executions.length > 0 ? [{ ...p, executions }] : [];
    }),
  );
  // the version each stage served at t: the last successful deployment to it by t
  const servedAt = new Map<string, string>();
  if (deployments.ok) {
    for (const d of [...deployments.value].sort((a, b) => a.at - b.at)) {
      if (!d.failed) servedAt.set(d.stage, d.packageArn);
    }
  }
  const endpoints = mapK(s.endpoints, (es) =>
    !deployments.ok
      ? es
      : es.flatMap((e) => {
          const stageDeployed = deployments.value.some((d) => !e.stage || d.stage === e.stage);
          if (!stageDeployed) return [];
          const served = e.stage ? servedAt.get(e.stage) : undefined;
          return [
            served && e.variants.some((v) => v.modelPackageArn)
              ? { ...e, variants: e.variants.map((v) => ({ ...v, modelPackageArn: served })) }
              : e,
          ];
        }),
  );
  const liveEndpoints = new Set(endpoints.ok ? endpoints.value.map((e) => e.ref.id) : []);
  const monitoring = mapK(s.monitoring, (ms) =>
    ms
      .filter((m) => !endpoints.ok || (m.endpointName !== undefined && liveEndpoints.has(m.endpointName)))
      .map((m) => (m.lastRun && m.lastRun.at > t ? { ...m, lastRun: { ...m.lastRun, at: t } } : m)),
  );
  const keptRefs = new Set([
    ...(pipelines.ok ? pipelines.value.map((p) => `pipeline:${p.ref.id}`) : []),
    ...(modelPackages.ok ? modelPackages.value.map((p) => `modelPackageGroup:${p.group}`) : []),
    ...[...liveEndpoints].map((id) => `endpoint:${id}`),
  ]);
  return {
    key: s.key,
    name: s.name,
    team: s.team,
    now: t,
    trainingJobs: keep(s.trainingJobs, (j) => j.createdAt <= t),
    taggedResources: keep(
      s.taggedResources,
      (r) =>
        keptRefs.has(`${r.ref.kind}:${r.ref.id}`) ||
        (r.ref.kind === "pipeline" && !pipelines.ok) ||
        (r.ref.kind === "modelPackageGroup" && !modelPackages.ok) ||
        (r.ref.kind === "endpoint" && !endpoints.ok),
    ),
    pipelines,
    modelPackages,
    endpoints,
    monitoring,
    projects: keep(s.projects, (p) => p.createdAt <= t),
    decisions,
    deployments,
  };
}
