/** Assigns the organisation's resources to ML solutions (pure). */
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import type { TrainingJobRecord } from "@/lib/sagemaker/jobs/training-jobs";
import type { ProjectRecord } from "@/lib/sagemaker/projects/reads";
import type { Known } from "@/lib/maturity/types";
import type { AccountMonitoring, OrgSources, Tagged } from "./gather";
import { DEFAULT_NAME_TAG, solutionOf, type SolutionKey } from "./group";
import { solutionName } from "./names";

export interface GroupingOptions {
  /** the tag whose value groups resources without a project (default `team`) */
  groupTag?: string;
  /** the tag that carries a solution's display name (default `sagedeck:solution-name`) */
  nameTag?: string;
}

export interface SolutionScope extends SolutionKey {
  groups: Known<Tagged[]>;
  pipelines: Known<Tagged[]>;
  endpoints: Known<StageEndpoint[]>;
  monitoring: Known<AccountMonitoring[]>;
  projects: Known<(ProjectRecord & { tags: Record<string, string> })[]>;
  trainingJobs: Known<(TrainingJobRecord & { fromPipeline: boolean })[]>;
}

/** An endpoint is its account and name: the same name may exist in two accounts. */
const where = (account: string | undefined, name: string) => `${account ?? ""}/${name}`;
const values = <T>(k: Known<T[]>): T[] => (k.ok ? k.value : []);
const scoped = <T>(k: Known<T[]>, keep: (t: T) => boolean): Known<T[]> =>
  k.ok ? { ok: true, value: k.value.filter(keep) } : k;

export function assignSolutions(org: OrgSources, options: GroupingOptions = {}): SolutionScope[] {
  const tagKey = options.groupTag;
  const nameTag = options.nameTag ?? DEFAULT_NAME_TAG;
  const keys = new Map<string, SolutionKey>();
  const note = (k: SolutionKey | undefined) => {
    if (!k) return undefined;
    const seen = keys.get(k.key);
    if (!seen || (!seen.team && k.team)) keys.set(k.key, { ...k, team: k.team ?? seen?.team });
    return k.key;
  };
  const groupKey = new Map(values(org.groups).map((g) => [g.name, note(solutionOf(g.tags, g.name, tagKey))]));
  const pipelineKey = new Map(
    values(org.pipelines).map((p) => [p.name, note(solutionOf(p.tags, undefined, tagKey))]),
  );
  const endpointKey = new Map(
    values(org.endpoints).map((e) => [where(e.account, e.name), note(solutionOf(e.tags, undefined, tagKey))]),
  );
  const jobKey = (j: TrainingJobRecord) =>
    (j.experimentName && pipelineKey.get(j.experimentName)) || solutionOf(j.tags, undefined, tagKey)?.key;
  for (const j of values(org.trainingJobs))
    if (!(j.experimentName && pipelineKey.has(j.experimentName))) note(solutionOf(j.tags, undefined, tagKey));
  const pipelineNames = new Set(pipelineKey.keys());

  return [...keys.values()]
    .map((k) => {
      const endpoints = scoped(org.endpoints, (e) => endpointKey.get(where(e.account, e.name)) === k.key);
      const mine = new Set(values(endpoints).map((e) => where(e.account, e.name)));
      const mineByName = new Set(values(endpoints).map((e) => e.name));
      const jobs = scoped(org.trainingJobs, (j) => jobKey(j) === k.key);
      const groups = scoped(org.groups, (g) => groupKey.get(g.name) === k.key);
      const pipelines = scoped(org.pipelines, (p) => pipelineKey.get(p.name) === k.key);
      const projects = scoped(org.projects, (p) => p.name === k.key);
      const name = solutionName(
        {
          key: k.key,
          resourceTags: [projects, groups, pipelines, endpoints].flatMap((x) =>
            values<{ tags: Record<string, string> }>(x).map((r) => r.tags),
          ),
          jobTags: values(jobs).map((j) => j.tags),
          projectName: values(projects)[0]?.name,
        },
        nameTag,
      );
      return {
        ...k,
        name,
        groups,
        pipelines,
        endpoints,
        // a schedule watches an endpoint of its own account (fixtures without accounts match by name)
        monitoring: scoped(
          org.monitoring,
          (m) =>
            !!m.endpointName &&
            (m.account === undefined ? mineByName : mine).has(
              m.account === undefined ? m.endpointName : where(m.account, m.endpointName),
            ),
        ),
        projects,
        trainingJobs: jobs.ok
          ? {
              ok: true as const,
              value: jobs.value.map((j) => ({
                ...j,
                fromPipeline:
                  (!!j.experimentName && pipelineNames.has(j.experimentName)) ||
                  j.name.startsWith("pipelines-"),
              })),
            }
          : jobs,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}
