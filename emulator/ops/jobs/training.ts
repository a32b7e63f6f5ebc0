/** Training jobs: Create/List (Describe/Stop in kinds.ts) and the internal _CompleteTrainingJob; Search over TrainingJob. */
import { defineOperation, defineSearchable } from "../../core/registry";
import { Validator } from "../../core/validate";
import { validation, inUse } from "../../core/errors";
import { arn } from "../../core/arn";
import { parseTags, addTags, getTags } from "../../core/tags";
import { isObject, type JsonObject, copy, obj, str } from "../../core/json";
import { listPage } from "../../core/list";
import { jobNotFound } from "./kinds";
import { trainingJobs, pendingStops, ROLE, JOB_NAME, JOB_STATUS, type JobRecord } from "./store";
import { parametersOf, startTrialComponent, finishTrialComponent, inputArtifactsOf } from "./trial-component";

const tcName = (job: string) => `${job}-aws-training-job`;

export function checkExperimentConfig(v: Validator): void {
  const ec = v.object("ExperimentConfig");
  if (!ec) return;
  const rule = { min: 1, max: 120, pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}$/ };
  for (const k of ["ExperimentName", "TrialName", "TrialComponentDisplayName", "RunName"])
    v.string(k, rule, ec, `ExperimentConfig.${k}`);
}

defineOperation("CreateTrainingJob", async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("TrainingJobName", JOB_NAME);
  v.string("RoleArn", ROLE);
  const algo = v.object("AlgorithmSpecification", { required: true });
  if (algo) {
    v.string(
      "TrainingInputMode",
      { required: true, enum: ["Pipe", "File", "FastFile"] },
      algo,
      "AlgorithmSpecification.TrainingInputMode",
    );
    v.string("TrainingImage", { max: 255 }, algo, "AlgorithmSpecification.TrainingImage");
    v.string("AlgorithmName", { min: 1, max: 170 }, algo, "AlgorithmSpecification.AlgorithmName");
  }
  const out = v.object("OutputDataConfig", { required: true });
  if (out)
    v.string(
      "S3OutputPath",
      { required: true, max: 1024, pattern: /^(https|s3):\/\/([^/]+)\/?(.*)$/ },
      out,
      "OutputDataConfig.S3OutputPath",
    );
  const res = v.object("ResourceConfig", { required: true });
  if (res) {
    v.string("InstanceType", {}, res, "ResourceConfig.InstanceType");
    v.number("InstanceCount", { min: 0, integer: true }, res, "ResourceConfig.InstanceCount");
    v.number(
      "VolumeSizeInGB",
      { required: true, min: 0, integer: true },
      res,
      "ResourceConfig.VolumeSizeInGB",
    );
  }
  const stop = v.object("StoppingCondition", { required: true });
  if (stop)
    v.number("MaxRuntimeInSeconds", { min: 1, integer: true }, stop, "StoppingCondition.MaxRuntimeInSeconds");
  const hyper = v.object("HyperParameters");
  if (hyper) {
    const entries = Object.entries(hyper);
    if (entries.length > 100)
      v.fail(
        "Value at 'hyperParameters' failed to satisfy constraint: Member must have length less than or equal to 100",
      );
    for (const [k, val] of entries)
      if (typeof val !== "string" || val.length > 2500 || k.length > 256)
        v.fail(
          `Value at 'hyperParameters' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 2500]`,
        );
  }
  v.array("InputDataConfig", { min: 1, max: 20 });
  checkExperimentConfig(v);
  v.done();
  const tags = parseTags(input.Tags);
  if (algo && algo.TrainingImage === undefined && algo.AlgorithmName === undefined)
    throw validation("Either TrainingImage or AlgorithmName must be specified in AlgorithmSpecification.");
  const jobName = name ?? "";
  const jobArn = arn("training-job", jobName);
  if (trainingJobs(ctx.state).has(jobName.toLowerCase()))
    throw inUse(
      `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${jobArn})`,
    );
  const now = ctx.now();
  const record: JobRecord = {
    TrainingJobName: jobName,
    TrainingJobArn: jobArn,
    TrainingJobStatus: "InProgress",
    SecondaryStatus: "Starting",
    CreationTime: now,
    TrainingStartTime: now,
    LastModifiedTime: now,
    SecondaryStatusTransitions: [
      { Status: "Starting", StartTime: now, StatusMessage: "Preparing the instances for training" },
    ],
    EnableNetworkIsolation: false,
    EnableInterContainerTrafficEncryption: false,
    EnableManagedSpotTraining: false,
    // required in DescribeTrainingJob's answer from the start: where the model will be written
    ModelArtifacts: {
      S3ModelArtifacts: `${(str(out?.S3OutputPath) ?? "").replace(/\/$/, "")}/${jobName}/output/model.tar.gz`,
    },
  };
  for (const k of [
    "HyperParameters",
    "AlgorithmSpecification",
    "RoleArn",
    "InputDataConfig",
    "OutputDataConfig",
    "ResourceConfig",
    "VpcConfig",
    "StoppingCondition",
    "EnableNetworkIsolation",
    "EnableInterContainerTrafficEncryption",
    "EnableManagedSpotTraining",
    "CheckpointConfig",
    "DebugHookConfig",
    "ExperimentConfig",
    "Environment",
    "RetryStrategy",
    "TensorBoardOutputConfig",
  ])
    if (input[k] !== undefined) record[k] = copy(input[k]);
  trainingJobs(ctx.state).set(jobName.toLowerCase(), record);
  addTags(ctx.state, jobArn, tags);
  const extra: Record<string, string | number> = {};
  const image = str(algo?.TrainingImage) ?? str(algo?.AlgorithmName);
  if (image) extra["SageMaker.ImageUri"] = image;
  if (str(res?.InstanceType)) extra["SageMaker.InstanceType"] = str(res?.InstanceType) ?? "";
  if (typeof res?.InstanceCount === "number") extra["SageMaker.InstanceCount"] = res.InstanceCount;
  if (typeof res?.VolumeSizeInGB === "number") extra["SageMaker.VolumeSizeInGB"] = res.VolumeSizeInGB;
  await startTrialComponent(
    ctx,
    tcName(jobName),
    jobArn,
    "SageMakerTrainingJob",
    parametersOf(hyper, extra),
    inputArtifactsOf(
      input.InputDataConfig,
      "ChannelName",
      (c) => obj(obj(c.DataSource)?.S3DataSource)?.S3Uri,
    ),
    obj(input.ExperimentConfig),
  );
  return { TrainingJobArn: jobArn };
});

defineOperation("_CompleteTrainingJob", async (input, ctx) => {
  const name = str(input.TrainingJobName) ?? "";
  const j = trainingJobs(ctx.state).get(name.toLowerCase());
  if (!j) throw jobNotFound();
  const status = str(input.TrainingJobStatus) ?? "Completed";
  if (!["Completed", "Failed", "Stopped"].includes(status))
    throw validation(`Invalid TrainingJobStatus ${status}`);
  const now = ctx.now();
  const next = copy(j);
  next.TrainingJobStatus = status;
  next.SecondaryStatus = status;
  next.TrainingEndTime = now;
  next.LastModifiedTime = now;
  const start = typeof j.TrainingStartTime === "number" ? j.TrainingStartTime : j.CreationTime;
  next.TrainingTimeInSeconds = Math.max(1, Math.round(now - start));
  next.BillableTimeInSeconds = next.TrainingTimeInSeconds;
  const transitions = Array.isArray(j.SecondaryStatusTransitions) ? copy(j.SecondaryStatusTransitions) : [];
  const last = transitions[transitions.length - 1];
  if (isObject(last) && last.EndTime === undefined) last.EndTime = now;
  transitions.push({
    Status: status,
    StartTime: now,
    EndTime: now,
    StatusMessage: status === "Completed" ? "Training job completed" : (str(input.FailureReason) ?? status),
  });
  next.SecondaryStatusTransitions = transitions;
  const failure = str(input.FailureReason);
  if (failure !== undefined) next.FailureReason = failure;
  const outPath = (str(obj(j.OutputDataConfig)?.S3OutputPath) ?? "s3://sagemaker-output").replace(/\/$/, "");
  const artifact = `${outPath}/${name}/output/model.tar.gz`;
  if (status !== "Failed") next.ModelArtifacts = { S3ModelArtifacts: artifact };
  const finals = Array.isArray(input.FinalMetricDataList) ? input.FinalMetricDataList.filter(isObject) : [];
  const steps = obj(input.MetricSteps);
  const metrics: { MetricName: string; Values: number[] }[] = [];
  if (steps)
    for (const [m, vals] of Object.entries(steps))
      if (Array.isArray(vals))
        metrics.push({ MetricName: m, Values: vals.filter((x): x is number => typeof x === "number") });
  const finalList = finals.map((f) => ({
    MetricName: str(f.MetricName) ?? "",
    Value: typeof f.Value === "number" ? f.Value : 0,
    Timestamp: typeof f.Timestamp === "number" ? f.Timestamp : now,
  }));
  for (const m of metrics)
    if (!finalList.some((f) => f.MetricName === m.MetricName) && m.Values.length > 0)
      finalList.push({ MetricName: m.MetricName, Value: m.Values[m.Values.length - 1] ?? 0, Timestamp: now });
  for (const f of finalList)
    if (!metrics.some((m) => m.MetricName === f.MetricName))
      metrics.push({ MetricName: f.MetricName, Values: [f.Value] });
  if (finalList.length > 0) next.FinalMetricDataList = finalList;
  trainingJobs(ctx.state).set(name.toLowerCase(), next);
  pendingStops(ctx.state).delete(`training:${name.toLowerCase()}`);
  await finishTrialComponent(
    ctx,
    tcName(name),
    status,
    failure,
    status !== "Failed" ? { "SageMaker.ModelArtifact": { Value: artifact } } : {},
    metrics,
    str(j.TrainingJobArn) ?? "",
  );
  return {};
});

defineOperation("ListTrainingJobs", (input, ctx) => {
  const v = new Validator(input);
  v.string("WarmPoolStatusEquals", { enum: ["Available", "Terminated", "Reused", "InUse"] });
  const page = listPage<JobRecord>(input, trainingJobs(ctx.state).values(), {
    validator: v,
    sortKeys: {
      Name: (j) => str(j.TrainingJobName),
      CreationTime: (j) => j.CreationTime,
      Status: (j) => str(j.TrainingJobStatus),
    },
    defaultSortBy: "CreationTime",
    defaultOrder: "Ascending",
    name: (j) => str(j.TrainingJobName) ?? "",
    creationTime: (j) => j.CreationTime,
    lastModifiedTime: (j) => j.LastModifiedTime,
    status: (j) => str(j.TrainingJobStatus),
    statusEnum: JOB_STATUS,
  });
  return {
    TrainingJobSummaries: page.items.map((j) => ({
      TrainingJobName: j.TrainingJobName,
      TrainingJobArn: j.TrainingJobArn,
      CreationTime: j.CreationTime,
      TrainingEndTime: j.TrainingEndTime,
      LastModifiedTime: j.LastModifiedTime,
      TrainingJobStatus: j.TrainingJobStatus,
      SecondaryStatus: j.SecondaryStatus,
    })),
    NextToken: page.nextToken,
  };
});

defineSearchable({
  resource: "TrainingJob",
  recordKey: "TrainingJob",
  *records(state) {
    for (const j of trainingJobs(state).values()) {
      const rec: JsonObject = { ...j, Tags: getTags(state, str(j.TrainingJobArn) ?? "") };
      yield rec;
    }
  },
});
