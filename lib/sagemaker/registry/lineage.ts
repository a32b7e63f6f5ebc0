import { isAppError } from "@/lib/errors";
import { accountKey, getReadCache, immutableTtlMs } from "@/lib/sagemaker/call";
import { describeExecution, listExecutionSteps, LIVE_TTL_MS } from "@/lib/sagemaker/pipelines/executions";

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

const FINISHED = new Set(["Succeeded", "Failed", "Stopped"]);

/**
 * Null when the execution is unknown (e.g. deleted); other errors propagate. The lineage of a finished
 * execution never changes, so it is kept `immutableTtlMs()` (1 h by default): a page listing versions pays its
 * two reads once, not once per LIVE_TTL_MS as the execution's own reads are kept.
 */
export async function versionLineage(executionArn: string): Promise<Lineage | null> {
  try {
    const r = await getReadCache().read(
      accountKey(`pipelines:lineage:${executionArn}`),
      LIVE_TTL_MS,
      () => readLineage(executionArn),
      () => false,
      (l) => (FINISHED.has(l.executionStatus) ? immutableTtlMs() : LIVE_TTL_MS),
    );
    return r.value;
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return null;
    throw err;
  }
}

async function readLineage(executionArn: string): Promise<Lineage> {
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
}
