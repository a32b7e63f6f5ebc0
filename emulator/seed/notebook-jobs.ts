/**
 * Solutions without pipelines (Initial phase) still train as managed jobs from their notebooks: a dozen
 * Training jobs over the last two months, tracked in the solution's newest experiment with final metrics,
 * tagged with the team and the solution's name. Deterministic (no random draws), so the rest of the seed is unchanged.
 */
import type { SeedEnv } from "./env";
import { SOLUTIONS } from "./org";
import { ownerTags } from "./projects";

const DAY = 86_400;
const JOBS = 12;
const IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

export async function seedNotebookJobs(env: SeedEnv): Promise<void> {
  for (const s of SOLUTIONS) {
    const experiment = s.manualExperiments.at(-1);
    if (s.pipelines.length > 0 || !experiment) continue;
    const user = s.scientists[0] ?? "ml.engineer";
    for (let i = 0; i < JOBS; i++) {
      const name = `${s.key}-notebook-${String(i + 1).padStart(3, "0")}`;
      const t0 = env.anchor - (60 - i * 5) * DAY;
      await env.as(user, t0).call("CreateTrainingJob", {
        TrainingJobName: name,
        RoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
        AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: "File" },
        HyperParameters: { max_depth: String(4 + (i % 4)), eta: "0.2" },
        InputDataConfig: [
          {
            ChannelName: "train",
            DataSource: {
              S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://sagedeck-${s.team}-ml/${s.key}/train/` },
            },
          },
        ],
        OutputDataConfig: { S3OutputPath: `s3://sagedeck-${s.team}-ml/${s.key}/models` },
        ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
        StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
        ExperimentConfig: {
          ExperimentName: experiment.name,
          TrialName: `Default-Run-Group-${experiment.name}`,
          TrialComponentDisplayName: `notebook-job-${i + 1}`,
        },
        Tags: ownerTags(s),
      });
      await env.as(user, t0 + 1800 + i * 60).call("_CompleteTrainingJob", {
        TrainingJobName: name,
        TrainingJobStatus: "Completed",
        FinalMetricDataList: [
          { MetricName: "validation:rmse", Value: Math.round((14 - i * 0.3) * 100) / 100 },
          { MetricName: "validation:mape", Value: Math.round((0.18 - i * 0.004) * 1000) / 1000 },
        ],
      });
    }
  }
}
