/** Pipeline evidence: definition step types, the quality gate, recent executions and their step facts. */
import { executionStepFacts, searchRecentExecutions } from "@/lib/sagemaker/pipelines/recent-executions";
import { describePipeline } from "@/lib/sagemaker/pipelines/reads";
import { executionIdOf } from "@/lib/sagemaker/pipelines/mappers";
import type { ExecutionEvidence, PipelineEvidence } from "@/lib/maturity/types";
import type { Tagged } from "./gather";

/** Executions whose steps are listed (the newest ones) — the rest carry status, times and creator only. */
export const STEP_LISTED_EXECUTIONS = 3;

const STATUSES: ExecutionEvidence["status"][] = ["Executing", "Stopping", "Stopped", "Failed", "Succeeded"];
const statusOf = (s: string) => STATUSES.find((x) => x === s) ?? "Executing";

export async function pipelineEvidence(p: Tagged): Promise<PipelineEvidence> {
  const [detail, executions] = await Promise.all([describePipeline(p.name), searchRecentExecutions(p.arn)]);
  const steps = detail.definition.steps;
  const typeOf = new Map(steps.map((s) => [s.name, s.type]));
  const hasGateBeforeRegister = steps.some(
    (s) =>
      s.type === "Condition" &&
      s.ifSteps.some((n) => typeOf.get(n) === "RegisterModel" || typeOf.get(n) === "Model"),
  );
  const listed = await Promise.all(
    executions.slice(0, STEP_LISTED_EXECUTIONS).map((x) => executionStepFacts(x.arn)),
  );
  return {
    ref: { kind: "pipeline", id: p.name, label: p.name },
    stepTypes: steps.map((s) => s.type),
    hasGateBeforeRegister,
    executions: executions.map((x, i) => ({
      ref: { kind: "execution", id: x.arn, label: `${p.name} ${executionIdOf(x.arn)}` },
      status: statusOf(x.status),
      startedAt: x.startedAt,
      ...(x.endedAt !== undefined ? { endedAt: x.endedAt } : {}),
      createdBy: x.createdBy,
      ...(listed[i] ?? {}),
    })),
  };
}
