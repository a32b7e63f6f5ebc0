/**
 * Pipeline executions as maturity evidence: a pipeline's newest executions with their creator, and the
 * step facts of one execution. Every read goes through `sagemakerRead` (cache + coalescing).
 */
import { SearchCommand, type PipelineExecution, type UserContext } from "@aws-sdk/client-sagemaker";
import { sagemakerRead } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { listExecutionSteps } from "./executions";

/** Executions read per pipeline, newest first (one Search page). */
export const EXECUTIONS_PER_PIPELINE = 100;

const FINISHED = new Set(["Succeeded", "Failed", "Stopped"]);

export interface ExecutionCreator {
  userProfileName?: string;
  /** the IAM principal (e.g. an assumed CI/CD or scheduler role) when no Studio user started it */
  iamArn?: string;
}

export interface ExecutionRecord {
  arn: string;
  status: string;
  startedAt: number;
  /** LastModifiedTime of a finished execution */
  endedAt?: number;
  /** CreatedBy, as DescribePipelineExecution reports it; empty when SageMaker recorded no creator */
  createdBy: ExecutionCreator;
}

export function creatorOf(u: UserContext | undefined): ExecutionCreator {
  const out: ExecutionCreator = {};
  if (u?.UserProfileName) out.userProfileName = u.UserProfileName;
  if (u?.IamIdentity?.Arn) out.iamArn = u.IamIdentity.Arn;
  return out;
}

export function toExecutionRecord(x: PipelineExecution): ExecutionRecord {
  const status = x.PipelineExecutionStatus ?? "Executing";
  return {
    arn: x.PipelineExecutionArn ?? "",
    status,
    startedAt: x.CreationTime?.getTime() ?? 0,
    endedAt: FINISHED.has(status) ? x.LastModifiedTime?.getTime() : undefined,
    createdBy: creatorOf(x.CreatedBy),
  };
}

/**
 * A pipeline's newest executions with every DescribePipelineExecution field, CreatedBy included: one
 * Search call (100 full records) instead of ListPipelineExecutions plus a describe per execution.
 */
export async function searchRecentExecutions(pipelineArn: string): Promise<ExecutionRecord[]> {
  return sagemakerRead(
    {
      key: `maturity:executions:${pipelineArn}`,
      operation: "Search",
      resource: `Pipeline "${pipelineArn.split("/").pop() ?? pipelineArn}"`,
    },
    async () => {
      const r = await getSageMakerClient().send(
        new SearchCommand({
          Resource: "PipelineExecution",
          SearchExpression: { Filters: [{ Name: "PipelineArn", Operator: "Equals", Value: pipelineArn }] },
          SortBy: "CreationTime",
          SortOrder: "Descending",
          MaxResults: EXECUTIONS_PER_PIPELINE,
        }),
      );
      return (r.Results ?? []).flatMap((x) =>
        x.PipelineExecution ? [toExecutionRecord(x.PipelineExecution)] : [],
      );
    },
  );
}

export interface ExecutionStepFacts {
  trainingJobArns: string[];
  gateOutcomes: ("True" | "False")[];
  registeredPackageArns: string[];
}

export async function executionStepFacts(arn: string): Promise<ExecutionStepFacts> {
  const facts: ExecutionStepFacts = { trainingJobArns: [], gateOutcomes: [], registeredPackageArns: [] };
  for (const s of await listExecutionSteps(arn)) {
    const m = s.Metadata;
    if (m?.TrainingJob?.Arn) facts.trainingJobArns.push(m.TrainingJob.Arn);
    if (m?.RegisterModel?.Arn) facts.registeredPackageArns.push(m.RegisterModel.Arn);
    const outcome = m?.Condition?.Outcome;
    if (outcome === "True" || outcome === "False") facts.gateOutcomes.push(outcome);
  }
  return facts;
}
