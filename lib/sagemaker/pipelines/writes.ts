import {
  RetryPipelineExecutionCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { sagemakerWrite } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";

const invalidate = ["pipelines:"];

export async function startPipelineExecution(input: {
  pipelineName: string;
  parameters: Record<string, string>;
  displayName?: string;
  description?: string;
  clientRequestToken: string;
  /** re-run only these steps, reusing the other steps' results from the source execution */
  selective?: { sourceExecutionArn: string; steps: string[] };
}): Promise<string> {
  const r = await sagemakerWrite(
    { operation: "StartPipelineExecution", resource: `Pipeline "${input.pipelineName}"`, invalidate },
    () =>
      getSageMakerClient().send(
        new StartPipelineExecutionCommand({
          PipelineName: input.pipelineName,
          PipelineParameters: Object.entries(input.parameters).map(([Name, Value]) => ({ Name, Value })),
          PipelineExecutionDisplayName: input.displayName,
          PipelineExecutionDescription: input.description,
          ClientRequestToken: input.clientRequestToken,
          ...(input.selective
            ? {
                SelectiveExecutionConfig: {
                  SourcePipelineExecutionArn: input.selective.sourceExecutionArn,
                  SelectedSteps: input.selective.steps.map((StepName) => ({ StepName })),
                },
              }
            : {}),
        }),
      ),
  );
  return r.PipelineExecutionArn ?? "";
}

export async function stopPipelineExecution(arn: string, clientRequestToken: string): Promise<void> {
  await sagemakerWrite(
    { operation: "StopPipelineExecution", resource: "This pipeline execution", invalidate },
    () =>
      getSageMakerClient().send(
        new StopPipelineExecutionCommand({
          PipelineExecutionArn: arn,
          ClientRequestToken: clientRequestToken,
        }),
      ),
  );
}

export async function retryPipelineExecution(arn: string, clientRequestToken: string): Promise<void> {
  await sagemakerWrite(
    { operation: "RetryPipelineExecution", resource: "This pipeline execution", invalidate },
    () =>
      getSageMakerClient().send(
        new RetryPipelineExecutionCommand({
          PipelineExecutionArn: arn,
          ClientRequestToken: clientRequestToken,
        }),
      ),
  );
}
