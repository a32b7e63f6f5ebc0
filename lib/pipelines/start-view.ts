/** The pipeline as the start form needs it: its definition plus the parameters the server locks. */
import { getConfig } from "@/lib/config";
import { describePipeline, type PipelineDetail } from "@/lib/sagemaker/pipelines/reads";
import { lockedParameters, type LockedParameter } from "./locked";

export interface PipelineForStart extends PipelineDetail {
  /** approval-controlling parameters: started only with this value (the form shows them read-only) */
  locked: LockedParameter[];
}

export function approvalLocks(parameters: PipelineDetail["definition"]["parameters"]): LockedParameter[] {
  return lockedParameters(parameters, getConfig().approvalParameters);
}

export async function getPipelineForStart(name: string): Promise<PipelineForStart> {
  const pipeline = await describePipeline(name);
  return { ...pipeline, locked: approvalLocks(pipeline.definition.parameters) };
}
