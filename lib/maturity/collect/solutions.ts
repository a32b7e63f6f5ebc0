/** Assigns the organisation's resources to ML solutions (pure). */
import type { StageEndpoint } from "@/lib/sagemaker/endpoints-types";
import type { MonitoringRecord, ProjectRecord, TrainingJobRecord } from "@/lib/sagemaker/maturity";
import type { Known } from "../types";
import type { OrgSources, Tagged } from "./gather";
import { solutionOf, type SolutionKey } from "./group";

export interface SolutionScope extends SolutionKey {
  groups: Known<Tagged[]>;
  pipelines: Known<Tagged[]>;
  endpoints: Known<StageEndpoint[]>;
  monitoring: Known<MonitoringRecord[]>;
  projects: Known<(ProjectRecord & { tags: Record<string, string> })[]>;
  trainingJobs: Known<(TrainingJobRecord & { fromPipeline: boolean })[]>;
}

const values = <T>(k: Known<T[]>): T[] => (k.ok ? k.value : []);
const scoped = <T>(k: Known<T[]>, keep: (t: T) => boolean): Known<T[]> =>
  k.ok ? { ok: true, value: k.value.filter(keep) } : k;

export function assignSolutions(org: OrgSources, tagKey?: string): SolutionScope[] {
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
    values(org.endpoints).map((e) => [e.name, note(solutionOf(e.tags, undefined, tagKey))]),
  );
  const jobKey = (j: TrainingJobRecord) =>
    (j.experimentName && pipelineKey.get(j.experimentName)) || solutionOf(j.tags, undefined, tagKey)?.key;
  for (const j of values(org.trainingJobs))
    if (!(j.experimentName && pipelineKey.has(j.experimentName))) note(solutionOf(j.tags, undefined, tagKey));
  const pipelineNames = new Set(pipelineKey.keys());

  return [...keys.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((k) => {
      const endpoints = scoped(org.endpoints, (e) => endpointKey.get(e.name) === k.key);
      const mine = new Set(values(endpoints).map((e) => e.name));
      const jobs = scoped(org.trainingJobs, (j) => jobKey(j) === k.key);
      return {
        ...k,
        groups: scoped(org.groups, (g) => groupKey.get(g.name) === k.key),
        pipelines: scoped(org.pipelines, (p) => pipelineKey.get(p.name) === k.key),
        endpoints,
        monitoring: scoped(org.monitoring, (m) => !!m.endpointName && mine.has(m.endpointName)),
        projects: scoped(org.projects, (p) => p.name === k.key),
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
    });
}
