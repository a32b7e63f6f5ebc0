/**
 * Deploy pipeline evidence for a solution's model groups (L-5, deployment frequency): each group's linked deploy
 * pipeline (its tags: `mlops:deploy-pipeline`, or `sagemaker:project-name` → `sagemaker-<P>-modeldeploy`, tried in
 * that order) and its newest executions — one ListPipelineExecutions page of 100 per pipeline, in the deploy
 * pipelines' (home) account through lib/sagemaker/codepipeline. A name that does not exist is tried past; a
 * pipeline shared by several groups is read once per collection.
 */
import { NotFoundError } from "@/lib/errors";
import { linkedPipelineNames } from "@/lib/deploy-pipelines/mode";
import { listPipelineExecutions, type PipelineExecutionView } from "@/lib/sagemaker/codepipeline";
import type { DeployPipelineEvidence } from "@/lib/maturity/types";
import type { Tagged } from "./gather";

/** Executions read per pipeline (ListPipelineExecutions' largest page). */
export const EXECUTIONS_READ = 100;

export type ExecutionReads = (pipeline: string) => Promise<PipelineExecutionView[] | null>;

/** Once per collection per pipeline name: its executions, or null when no such pipeline exists. */
export function executionReads(): ExecutionReads {
  const seen = new Map<string, Promise<PipelineExecutionView[] | null>>();
  return (name) => {
    let p = seen.get(name);
    if (!p) {
      p = listPipelineExecutions(name, EXECUTIONS_READ).catch((err: unknown) => {
        if (err instanceof NotFoundError) return null;
        throw err;
      });
      seen.set(name, p);
    }
    return p;
  };
}

/** The first of a group's linked names that exists, with its executions. */
async function linkOf(g: Tagged, reads: ExecutionReads) {
  for (const link of linkedPipelineNames(g.tags)) {
    const executions = await reads(link.name);
    if (executions) return { name: link.name, executions };
  }
  return undefined;
}

export async function deployPipelineEvidence(
  groups: Tagged[],
  reads: ExecutionReads,
): Promise<DeployPipelineEvidence[]> {
  const links = await Promise.all(groups.map(async (g) => ({ group: g.name, link: await linkOf(g, reads) })));
  const byName = new Map<string, DeployPipelineEvidence>();
  for (const { group, link } of links) {
    if (!link) continue;
    const seen = byName.get(link.name);
    if (seen) {
      seen.groups.push(group);
      continue;
    }
    byName.set(link.name, {
      ref: { kind: "deployPipeline", id: link.name, label: link.name },
      groups: [group],
      executions: link.executions.flatMap((x) =>
        x.startedAt === undefined
          ? []
          : [
              {
                id: x.id,
                status: x.status,
                startedAt: x.startedAt,
                ...(x.updatedAt !== undefined && x.status !== "InProgress" ? { endedAt: x.updatedAt } : {}),
              },
            ],
      ),
    });
  }
  return [...byName.values()];
}
