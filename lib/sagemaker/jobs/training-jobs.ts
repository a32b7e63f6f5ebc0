/** Training jobs in a time window (the maturity collector's Initial-phase evidence), one bounded Search. */
import { SearchCommand } from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

const client = () => getSageMakerClient();

/** Search pages of 100 training jobs scanned per collection (the window's newest 1,000 jobs). */
export const TRAINING_JOB_PAGES = 10;

export interface TrainingJobRecord {
  name: string;
  arn: string;
  status: string;
  createdAt: number;
  experimentName?: string;
  metricCount: number;
  tags: Record<string, string>;
}

/** Training jobs created since `since` (epoch ms), newest first, with experiment config, metrics and tags. */
export async function searchTrainingJobs(since: number): Promise<TrainingJobRecord[]> {
  const day = Math.floor(since / 86_400_000);
  return sagemakerRead({ key: `maturity:training-jobs:${day}`, operation: "Search" }, async () => {
    const out: TrainingJobRecord[] = [];
    let token: string | undefined;
    for (let i = 0; i < TRAINING_JOB_PAGES; i++) {
      const r = await client().send(
        new SearchCommand({
          Resource: "TrainingJob",
          SearchExpression: {
            Filters: [
              {
                Name: "CreationTime",
                Operator: "GreaterThanOrEqualTo",
                Value: new Date(day * 86_400_000).toISOString(),
              },
            ],
          },
          SortBy: "CreationTime",
          SortOrder: "Descending",
          MaxResults: 100,
          NextToken: token,
        }),
      );
      for (const res of r.Results ?? []) {
        const j = res.TrainingJob;
        if (!j?.TrainingJobName) continue;
        out.push({
          name: j.TrainingJobName,
          arn: j.TrainingJobArn ?? "",
          status: j.TrainingJobStatus ?? "InProgress",
          createdAt: j.CreationTime?.getTime() ?? 0,
          experimentName: j.ExperimentConfig?.ExperimentName,
          metricCount: j.FinalMetricDataList?.length ?? 0,
          tags: Object.fromEntries((j.Tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""])),
        });
      }
      token = r.NextToken;
      if (!token) break;
    }
    return out;
  });
}
