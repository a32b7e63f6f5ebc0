/** Processing and Training steps: real jobs through the jobs operations, simulated outcomes. */
import { text } from "./text";
import { AwsError } from "../../../core/errors";
import { isObject, type JsonObject } from "../../../core/json";
import type { StepDef } from "./definition";
import { hyperparameterError, simulateTraining, stringMap } from "./metrics";
import { arn, jobName, stepState, tryCall, upstream, type Run } from "./run";
import { writePropertyFiles } from "./property-writer";
import { defineRunner, durationBetween, resolvedArgs } from "./runner";

function experimentConfig(run: Run, step: StepDef): JsonObject | undefined {
  const c = run.exec.PipelineExperimentConfig;
  if (!c?.ExperimentName || !c.TrialName) return undefined;
  return { ExperimentName: c.ExperimentName, TrialName: c.TrialName, TrialComponentDisplayName: step.Name };
}

const failMessage = (err: unknown) =>
  err instanceof AwsError ? `${err.code}: ${err.message}` : (err as Error).message;

/** First S3 URI of the training input (the `train` channel if there is one). */
function trainingInput(args: JsonObject): string {
  const channels = Array.isArray(args.InputDataConfig) ? args.InputDataConfig.filter(isObject) : [];
  const ch = channels.find((c) => c.ChannelName === "train") ?? channels[0];
  const ds =
    ch && isObject(ch.DataSource) && isObject(ch.DataSource.S3DataSource) ? ch.DataSource.S3DataSource : {};
  return typeof ds.S3Uri === "string" ? ds.S3Uri : "s3://sagedeck-default/train";
}

/**
 * The data a training sees: its input plus the raw inputs of the processing steps upstream, without the
 * execution id (outputs are usually written under it), so the same source data gives the same quality.
 */
function dataKey(run: Run, step: StepDef, input: string): string {
  const sources: string[] = [input];
  for (const s of upstream(run, step)) {
    if (s.Type !== "Processing") continue;
    const inputs = stepState(run, s.Name)?.xProps?.ProcessingInputs;
    if (!Array.isArray(inputs)) continue;
    for (const i of inputs)
      if (isObject(i) && isObject(i.S3Input) && typeof i.S3Input.S3Uri === "string")
        sources.push(i.S3Input.S3Uri);
  }
  return sources.join("|").split(run.exec.ExecutionId).join("");
}

defineRunner(["Training"], {
  async start(run, step, st) {
    const name = jobName(run, step);
    const args = resolvedArgs(run, step, { TrainingJobName: name });
    const hp = stringMap(args.HyperParameters);
    const input = trainingInput(args);
    const resources = isObject(args.ResourceConfig) ? args.ResourceConfig : {};
    const instance = typeof resources.InstanceType === "string" ? resources.InstanceType : "ml.m5.xlarge";
    st.xData = dataKey(run, step, input);
    const sim = simulateTraining(st.xData, hp, instance);
    const jobArn = arn("training-job", name);
    st.Metadata = { TrainingJob: { Arn: jobArn } };
    try {
      const ec = experimentConfig(run, step);
      await tryCall(run.ctx, "CreateTrainingJob", {
        ...args,
        ...(args.HyperParameters !== undefined ? { HyperParameters: hp } : {}),
        TrainingJobName: name,
        ...(ec ? { ExperimentConfig: ec } : {}),
      });
    } catch (err) {
      st.xFail = failMessage(err);
      st.xFailType = "Step.SERVICE_FAULT";
      delete st.Metadata;
      return 1;
    }
    const hpError = hyperparameterError(hp);
    if (hpError && !st.xFail) st.xFail = hpError;
    const output = isObject(args.OutputDataConfig) ? args.OutputDataConfig : {};
    const outPath = text(output.S3OutputPath, "s3://sagedeck-default/output").replace(/\/+$/, "");
    const end = run.ctx.now() + (hpError ? 20 : sim.duration) * run.exec.xPace;
    st.xProps = {
      TrainingJobName: name,
      TrainingJobArn: jobArn,
      TrainingJobStatus: "Completed",
      HyperParameters: hp,
      InputDataConfig: args.InputDataConfig ?? [],
      OutputDataConfig: output,
      ResourceConfig: resources,
      ModelArtifacts: { S3ModelArtifacts: `${outPath}/${name}/output/model.tar.gz` },
      FinalMetricDataList: Object.entries(sim.final).map(([MetricName, Value]) => ({
        MetricName,
        Value,
        Timestamp: end,
      })),
    };
    return hpError ? 20 : sim.duration;
  },
  async finish(run, _step, st) {
    const props = st.xProps ?? {};
    const name = text(props.TrainingJobName);
    if (!name) return;
    const hp = stringMap(props.HyperParameters);
    const resources = isObject(props.ResourceConfig) ? props.ResourceConfig : {};
    const sim = simulateTraining(
      st.xData ?? trainingInput(props),
      hp,
      typeof resources.InstanceType === "string" ? resources.InstanceType : "ml.m5.xlarge",
    );
    await tryCall(run.ctx, "_CompleteTrainingJob", {
      TrainingJobName: name,
      TrainingJobStatus: st.xFail ? "Failed" : "Completed",
      ...(st.xFail
        ? { FailureReason: st.xFail }
        : {
            FinalMetricDataList: Object.entries(sim.final).map(([MetricName, Value]) => ({
              MetricName,
              Value,
              Timestamp: run.ctx.now(),
            })),
            MetricSteps: sim.steps,
          }),
    });
  },
});

defineRunner(["Processing"], {
  async start(run, step, st) {
    const name = jobName(run, step);
    const args = resolvedArgs(run, step, { ProcessingJobName: name });
    const jobArn = arn("processing-job", name);
    st.Metadata = { ProcessingJob: { Arn: jobArn } };
    try {
      const ec = experimentConfig(run, step);
      await tryCall(run.ctx, "CreateProcessingJob", {
        ...args,
        ProcessingJobName: name,
        ...(ec ? { ExperimentConfig: ec } : {}),
      });
    } catch (err) {
      st.xFail = failMessage(err);
      st.xFailType = "Step.SERVICE_FAULT";
      delete st.Metadata;
      return 1;
    }
    st.xProps = {
      ProcessingJobName: name,
      ProcessingJobArn: jobArn,
      ProcessingJobStatus: "Completed",
      ProcessingInputs: args.ProcessingInputs ?? [],
      ProcessingOutputConfig: args.ProcessingOutputConfig ?? { Outputs: [] },
      AppSpecification: args.AppSpecification ?? {},
      ...(args.Environment !== undefined ? { Environment: args.Environment } : {}),
    };
    return durationBetween(run, 40, 90);
  },
  async finish(run, step, st) {
    const props = st.xProps ?? {};
    const name = text(props.ProcessingJobName);
    if (!st.xFail) writePropertyFiles(run, step, st, props);
    if (!name) return;
    await tryCall(run.ctx, "_CompleteProcessingJob", {
      ProcessingJobName: name,
      ProcessingJobStatus: st.xFail ? "Failed" : "Completed",
      ...(st.xFail ? { FailureReason: st.xFail } : { ExitMessage: "Completed successfully" }),
    });
  },
});
