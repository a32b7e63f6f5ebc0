import { isAppError } from "@/lib/errors";
import { describeExecution, listExecutionSteps } from "@/lib/sagemaker/pipelines/executions";

/** Where a version came from: execution → training job → experiment run, and whether its gate passed. */
export interface Lineage {
  executionArn: string;
  pipelineName: string;
  executionStatus: string;
  startedAt?: number;
  /** The Condition step's outcome (true = passed); undefined when the pipeline has none. */
  gatePassed?: boolean;
  gateStep?: string;
  trainingJobArn?: string;
  experimentName?: string;
  trialName?: string;
}

/** Null when the execution is unknown (e.g. deleted); other errors propagate. */
export async function versionLineage(executionArn: string): Promise<Lineage | null> {
  try {
    const [e, list] = await Promise.all([describeExecution(executionArn), listExecutionSteps(executionArn)]);
    const gate = list.find((s) => s.Metadata?.Condition);
    const training = list.find((s) => s.Metadata?.TrainingJob?.Arn);
    return {
      executionArn,
      pipelineName: executionArn.split(":pipeline/")[1]?.split("/")[0] ?? "",
      executionStatus: e.PipelineExecutionStatus ?? "Unknown",
      startedAt: e.CreationTime?.getTime(),
      gatePassed: gate ? gate.Metadata?.Condition?.Outcome === "True" : undefined,
      gateStep: gate?.StepName,
      trainingJobArn: training?.Metadata?.TrainingJob?.Arn,
      experimentName: e.PipelineExperimentConfig?.ExperimentName,
      trialName: e.PipelineExperimentConfig?.TrialName,
    };
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return null;
    throw err;
  }
}
