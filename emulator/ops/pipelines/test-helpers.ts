/** Helpers shared by the pipelines conformance tests (not a test file itself). */
import { randomUUID } from "node:crypto";
import {
  CreatePipelineCommand,
  DescribePipelineExecutionCommand,
  ListPipelineExecutionStepsCommand,
  StartPipelineExecutionCommand,
  type PipelineExecutionStep,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";

export const ROLE = "arn:aws:iam::123456789012:role/SageMakerPipelineRole";
export const token = () => randomUUID();

export type Step = Record<string, unknown>;

export function definition(steps: Step[], parameters: Step[] = []): string {
  return JSON.stringify({ Version: "2020-12-01", Metadata: {}, Parameters: parameters, Steps: steps });
}

/** A Processing step with the given outputs; extra members merged in. */
export function processing(name: string, extra: Step = {}, args: Step = {}): Step {
  return {
    Name: name,
    Type: "Processing",
    Arguments: {
      ProcessingResources: {
        ClusterConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
      },
      AppSpecification: { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/proc:latest" },
      RoleArn: ROLE,
      ProcessingOutputConfig: {
        Outputs: [
          {
            OutputName: "out",
            AppManaged: false,
            S3Output: {
              S3Uri: `s3://test-bucket/${name}/out`,
              LocalPath: "/opt/ml/processing/out",
              S3UploadMode: "EndOfJob",
            },
          },
        ],
      },
      ...args,
    },
    ...extra,
  };
}

export function training(name: string, hyperParameters: Record<string, unknown>, extra: Step = {}): Step {
  return {
    Name: name,
    Type: "Training",
    Arguments: {
      AlgorithmSpecification: {
        TrainingImage: "683313688378.dkr.ecr.us-east-1.amazonaws.com/xgb:1",
        TrainingInputMode: "File",
      },
      OutputDataConfig: { S3OutputPath: "s3://test-bucket/models" },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      ResourceConfig: { VolumeSizeInGB: 30, InstanceCount: 1, InstanceType: "ml.m5.xlarge" },
      RoleArn: ROLE,
      InputDataConfig: [
        {
          ChannelName: "train",
          DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://test-bucket/data/train" } },
        },
      ],
      HyperParameters: hyperParameters,
    },
    ...extra,
  };
}

export async function createPipeline(
  client: SageMakerClient,
  name: string,
  def: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const out = await client.send(
    new CreatePipelineCommand({
      PipelineName: name,
      PipelineDefinition: def,
      RoleArn: ROLE,
      ClientRequestToken: token(),
      ...extra,
    }),
  );
  return out.PipelineArn ?? "";
}

export async function start(
  client: SageMakerClient,
  name: string,
  params: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Promise<string> {
  const out = await client.send(
    new StartPipelineExecutionCommand({
      PipelineName: name,
      PipelineParameters: Object.entries(params).map(([Name, Value]) => ({ Name, Value })),
      ClientRequestToken: token(),
      ...extra,
    }),
  );
  return out.PipelineExecutionArn ?? "";
}

/** Polls until the execution reaches one of `statuses` (bounded). */
export async function waitFor(
  client: SageMakerClient,
  arn: string,
  statuses: string[] = ["Succeeded", "Failed", "Stopped"],
  timeoutMs = 20_000,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
    const s = d.PipelineExecutionStatus ?? "";
    if (statuses.includes(s)) return s;
    if (Date.now() > until) throw new Error(`execution ${arn} still ${s} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function steps(
  client: SageMakerClient,
  arn: string,
): Promise<Map<string, PipelineExecutionStep>> {
  const out = await client.send(
    new ListPipelineExecutionStepsCommand({
      PipelineExecutionArn: arn,
      MaxResults: 100,
      SortOrder: "Ascending",
    }),
  );
  return new Map((out.PipelineExecutionSteps ?? []).map((s) => [s.StepName ?? "", s]));
}

/** Runs `fn` until it stops throwing (bounded): for conditions that need a tick or two. */
export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
