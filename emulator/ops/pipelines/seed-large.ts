/**
 * Large-scale benchmark data: one pipeline with many executions, synthesised directly as records (the
 * same shape the engine writes, finished, without jobs) so it loads in seconds.
 */
import { arn, ACCOUNT_ID, shortId } from "../../core/arn";
import type { SeedEnv } from "../../seed/env";
import { definitionOf } from "./engine/definition";
import { trainingPipeline } from "./engine/template";
import { resolveParameters } from "./start";
import {
  executionIndex,
  executions,
  nextSeq,
  pipelineKey,
  pipelines,
  pipelineVersions,
  versionKey,
  type ExecutionRecord,
  type StepState,
} from "./records";

export async function seedLargePipeline(
  env: SeedEnv,
  name: string,
  count: number,
  from: number,
): Promise<void> {
  const user = "admin";
  const role = `arn:aws:iam::${ACCOUNT_ID}:role/SageMakerPipelineExecutionRole`;
  const ctx = env.as(user, from);
  await ctx.call("CreatePipeline", {
    PipelineName: name,
    RoleArn: role,
    ClientRequestToken: `seed-large-${name}`.padEnd(32, "0"),
    PipelineDefinition: JSON.stringify(
      trainingPipeline({
        pipeline: name,
        modelPackageGroup: name,
        metric: "auc",
        threshold: 0.8,
        bucket: "sagedeck-bench",
        roleArn: role,
        inputDataUrl: "s3://sagedeck-bench/data/",
      }),
    ),
    Tags: [{ Key: "team", Value: "platform" }],
  });
  const state = env.emulator.state;
  const p = pipelines(state).get(pipelineKey(name));
  if (!p) return;
  const span = env.anchor - from - 3600;
  const version = pipelineVersions(state).get(versionKey(name, 1));
  const params = version ? resolveParameters(definitionOf(version.PipelineDefinition), []) : [];
  const index: string[] = [];
  const random = () => env.random();
  for (let i = 0; i < count; i++) {
    const t = from + 3600 + (span * i) / count;
    const id = shortId(random);
    const execArn = arn("pipeline", name, "execution", id);
    const failed = random() < 0.1;
    const names = ["Preprocess", "Train", "Evaluate", "CheckMetric"];
    const stepsOut: StepState[] = names.map((n, k) => ({
      StepName: n,
      StepStatus: failed && n === "Train" ? "Failed" : "Succeeded",
      StartTime: t + k * 120,
      EndTime: t + k * 120 + 100,
      AttemptCount: 1,
      xType: ["Processing", "Training", "Processing", "Condition"][k] ?? "Processing",
      ...(n === "CheckMetric" ? { Metadata: { Condition: { Outcome: "True" } } } : {}),
    }));
    const trimmed = failed ? stepsOut.slice(0, 2) : stepsOut;
    const e: ExecutionRecord = {
      PipelineArn: p.PipelineArn,
      PipelineName: p.PipelineName,
      PipelineExecutionArn: execArn,
      ExecutionId: id,
      PipelineExecutionDisplayName: `bench-${i + 1}`,
      PipelineExecutionStatus: failed ? "Failed" : "Succeeded",
      ...(failed ? { FailureReason: "Step failure: One or multiple steps failed." } : {}),
      CreationTime: t,
      LastModifiedTime: t + 600,
      CreatedBy: ctx.identity,
      LastModifiedBy: ctx.identity,
      PipelineVersionId: 1,
      PipelineExperimentConfig: { ExperimentName: name, TrialName: id },
      PipelineParameters: params,
      Steps: trimmed,
      xPace: 1,
      xSeq: nextSeq(state),
    };
    executions(state).set(execArn, e);
    index.push(execArn);
  }
  executionIndex(state).set(pipelineKey(name), index);
  p.LastRunTime = from + 3600 + span;
  pipelines(state).set(pipelineKey(name), p);
}
