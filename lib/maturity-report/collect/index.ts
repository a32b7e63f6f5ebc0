/**
 * The maturity collector: organisation-wide reads (gather.ts), resources assigned to solutions
 * (solutions.ts), then per-solution evidence. Every source that cannot be read becomes `unknown(reason)`
 * for the checks that need it. The call budget is documented in lib/maturity/README.md.
 */
import {
  DEFAULT_CONFIG,
  known,
  type DecisionEvidence,
  type Known,
  type ProjectEvidence,
  type SolutionEvidence,
} from "@/lib/maturity/types";
import { accountNames } from "./accounts";
import { deployPipelineEvidence } from "./deploy-pipelines";
import { deploymentEvents, endpointEvidence, monitoringEvidence } from "./endpoints";
import { attempt, gatherOrg } from "./gather";
import { pipelineEvidence } from "./pipelines";
import { packageEvidence } from "./registry";
import { collectionReads, type ConfigReads } from "./reads";
import { assignSolutions, type GroupingOptions, type SolutionScope } from "./solutions";

export interface Collection {
  now: number;
  solutions: SolutionEvidence[];
  orgProjects: Known<ProjectEvidence[]>;
  /** organisation-wide sources that could not be read, with why ("groups: …") */
  unreadable?: { source: string; reason: string }[];
}

const map = <T, U>(k: Known<T>, f: (v: T) => U): Known<U> => (k.ok ? known(f(k.value)) : k);

/** A source read from several others: unknown when any of them is. */
function need<T>(k: Known<T>): T {
  if (!k.ok) throw new Error(k.reason);
  return k.value;
}

const projectEvidence = (p: {
  name: string;
  id: string;
  status: string;
  createdAt: number;
  productId?: string;
  tags: Record<string, string>;
}): ProjectEvidence => ({
  ref: { kind: "project", id: p.id, label: p.name },
  status: p.status,
  productId: p.productId,
  createdAt: p.createdAt,
  team: p.tags.team,
});

/** Where SageDeck's decisions come from (the database in the app; none when not given). */
export type DecisionSource = (groups: string[]) => Promise<DecisionEvidence[]>;

async function solutionEvidence(
  s: SolutionScope,
  now: number,
  reads: ConfigReads,
  decisionSource?: DecisionSource,
): Promise<SolutionEvidence> {
  const decisions: Promise<Known<DecisionEvidence[]>> = decisionSource
    ? attempt(() => decisionSource(s.groups.ok ? s.groups.value.map((g) => g.name) : []))
    : Promise.resolve(known([]));
  const endpoints = attempt(() => Promise.all(need(s.endpoints).map((e) => endpointEvidence(e, reads))));
  const deployments = attempt(async () =>
    (await Promise.all(need(s.endpoints).map((e) => deploymentEvents(e, reads))))
      .flat()
      .sort((a, b) => a.at - b.at),
  );
  const pipelines = attempt(() => Promise.all(need(s.pipelines).map(pipelineEvidence)));
  const deployPipelines = attempt(() => deployPipelineEvidence(need(s.groups), reads.deployExecutions));
  const deps = await deployments;
  const served = [
    ...(s.endpoints.ok ? s.endpoints.value.flatMap((e) => (e.servedArn ? [e.servedArn] : [])) : []),
    ...(deps.ok ? deps.value.map((d) => d.packageArn) : []),
  ];
  const modelPackages = attempt(() => packageEvidence(need(s.groups), served));
  const tagged = [
    ...(s.groups.ok
      ? s.groups.value.map((g) => ({
          ref: { kind: "modelPackageGroup" as const, id: g.name, label: g.name },
          tags: g.tags,
        }))
      : []),
    ...(s.pipelines.ok
      ? s.pipelines.value.map((p) => ({
          ref: { kind: "pipeline" as const, id: p.name, label: p.name },
          tags: p.tags,
        }))
      : []),
    ...(s.endpoints.ok
      ? s.endpoints.value.map((e) => ({
          ref: { kind: "endpoint" as const, id: e.name, label: e.name },
          tags: e.tags,
        }))
      : []),
  ];
  return {
    key: s.key,
    name: s.name,
    team: s.team,
    now,
    trainingJobs: map(s.trainingJobs, (jobs) =>
      jobs.map((j) => ({
        name: j.name,
        arn: j.arn,
        status:
          (["InProgress", "Completed", "Failed", "Stopping", "Stopped"] as const).find(
            (x) => x === j.status,
          ) ?? "InProgress",
        createdAt: j.createdAt,
        tracked: !!j.experimentName,
        metricCount: j.metricCount,
        fromPipeline: j.fromPipeline,
      })),
    ),
    taggedResources: s.groups.ok || s.pipelines.ok || s.endpoints.ok ? known(tagged) : s.groups,
    pipelines: await pipelines,
    modelPackages: await modelPackages,
    endpoints: await endpoints,
    monitoring: map(s.monitoring, (ms) => ms.map(monitoringEvidence)),
    projects: map(s.projects, (ps) => ps.map(projectEvidence)),
    // without a decision source, approvals fall back on the registry's own fields (L-1) and L-6 is n/a
    decisions: await decisions,
    deployments: deps,
    deployPipelines: await deployPipelines,
    accountNames: accountNames(),
  };
}

/**
 * Collects every solution's evidence. `grouping` names the tag that groups resources (default `team`) and
 * the tag that carries a solution's display name (default `sagedeck:solution-name`).
 */
export async function collectMaturity(
  now = Date.now(),
  windowDays = DEFAULT_CONFIG.windowDays,
  decisionSource?: DecisionSource,
  grouping: GroupingOptions = {},
): Promise<Collection> {
  const org = await gatherOrg(now, windowDays);
  const scopes = assignSolutions(org, grouping);
  const reads = collectionReads();
  const solutions = await Promise.all(scopes.map((s) => solutionEvidence(s, now, reads, decisionSource)));
  const unreadable = Object.entries(org).flatMap(([source, k]: [string, Known<unknown>]) =>
    k.ok ? [] : [{ source, reason: k.reason }],
  );
  return { now, solutions, orgProjects: map(org.projects, (ps) => ps.map(projectEvidence)), unreadable };
}
