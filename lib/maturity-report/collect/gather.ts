/**
 * Organisation-wide reads, each one source: a failed read becomes `unknown(reason)` for that source only.
 * Endpoints and monitoring schedules come from every configured account (an account that fails makes the
 * source unknown, naming it); the registry, pipelines, projects and training jobs from the home account.
 * Solutions are then assigned their share (see solutions.ts).
 */
import { listStageEndpointsEverywhere, listTags } from "@/lib/sagemaker/endpoints/reads";
import type { StageEndpoint } from "@/lib/sagemaker/endpoints/types";
import { searchTrainingJobs, type TrainingJobRecord } from "@/lib/sagemaker/jobs/training-jobs";
import { listMonitoring, type MonitoringRecord } from "@/lib/sagemaker/monitoring/schedules";
import { listProjectsDetailed, type ProjectRecord } from "@/lib/sagemaker/projects/reads";
import { listAllPipelines } from "@/lib/sagemaker/pipelines/reads";
import { listModelGroups } from "@/lib/sagemaker/registry/reads";
import { known, unknown, type Known } from "@/lib/maturity/types";
import { allOrFail, everyAccount } from "./accounts";

export interface Tagged {
  name: string;
  arn: string;
  tags: Record<string, string>;
}

/** A monitoring schedule and the configured account it lives in (absent in single-account test fixtures). */
export type AccountMonitoring = MonitoringRecord & { account?: string };

export interface OrgSources {
  groups: Known<Tagged[]>;
  pipelines: Known<Tagged[]>;
  endpoints: Known<StageEndpoint[]>;
  monitoring: Known<AccountMonitoring[]>;
  projects: Known<(ProjectRecord & { tags: Record<string, string> })[]>;
  trainingJobs: Known<TrainingJobRecord[]>;
}

export async function attempt<T>(read: () => Promise<T>): Promise<Known<T>> {
  try {
    return known(await read());
  } catch (err) {
    return unknown(err instanceof Error ? err.message : String(err));
  }
}

const withTags = async <T extends { name: string; arn: string }>(items: T[]): Promise<Tagged[]> =>
  Promise.all(items.map(async (i) => ({ name: i.name, arn: i.arn, tags: await listTags(i.arn) })));

export async function gatherOrg(now: number, windowDays: number): Promise<OrgSources> {
  const [groups, pipelines, endpoints, monitoring, projects, trainingJobs] = await Promise.all([
    attempt(async () => withTags(await listModelGroups())),
    attempt(async () => withTags(await listAllPipelines())),
    attempt(async () => {
      const { endpoints, failures } = await listStageEndpointsEverywhere();
      return allOrFail({ items: endpoints, failures });
    }),
    attempt(() => everyAccount(listMonitoring)),
    attempt(async () =>
      Promise.all((await listProjectsDetailed()).map(async (p) => ({ ...p, tags: await listTags(p.arn) }))),
    ),
    attempt(() => searchTrainingJobs(now - windowDays * 86_400_000)),
  ]);
  return { groups, pipelines, endpoints, monitoring, projects, trainingJobs };
}
