import {
  ListExperimentsCommand,
  ListModelPackageGroupsCommand,
  ListPipelinesCommand,
} from "@aws-sdk/client-sagemaker";
import { isAppError } from "@/lib/errors";
import { getSageMakerClient } from "./client";
import { sagemakerRead } from "./call";

/** Count of the first page (up to 100); `more` when SageMaker has further pages; or why it is unknown. */
export type CountResult = { ok: true; count: number; more: boolean } | { ok: false; message: string };

export interface OverviewSummary {
  experiments: CountResult;
  pipelines: CountResult;
  modelGroups: CountResult;
}

async function count(
  load: () => Promise<{ items: unknown[] | undefined; next: string | undefined }>,
): Promise<CountResult> {
  try {
    const { items, next } = await load();
    return { ok: true, count: items?.length ?? 0, more: Boolean(next) };
  } catch (err) {
    return { ok: false, message: isAppError(err) ? err.message : "Could not read this from SageMaker." };
  }
}

/** A first look at the account: how many experiments, pipelines and model groups there are. */
export async function getOverviewSummary(): Promise<OverviewSummary> {
  const client = getSageMakerClient();
  const [experiments, pipelines, modelGroups] = await Promise.all([
    count(async () => {
      const r = await sagemakerRead({ key: "experiments:list:overview", operation: "ListExperiments" }, () =>
        client.send(new ListExperimentsCommand({ MaxResults: 100 })),
      );
      return { items: r.ExperimentSummaries, next: r.NextToken };
    }),
    count(async () => {
      const r = await sagemakerRead({ key: "pipelines:list:overview", operation: "ListPipelines" }, () =>
        client.send(new ListPipelinesCommand({ MaxResults: 100 })),
      );
      return { items: r.PipelineSummaries, next: r.NextToken };
    }),
    count(async () => {
      const r = await sagemakerRead(
        { key: "models:groups:overview", operation: "ListModelPackageGroups" },
        () => client.send(new ListModelPackageGroupsCommand({ MaxResults: 100 })),
      );
      return { items: r.ModelPackageGroupSummaryList, next: r.NextToken };
    }),
  ]);
  return { experiments, pipelines, modelGroups };
}
