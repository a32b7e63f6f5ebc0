/** Processing jobs: Create/List (Describe/Stop in kinds.ts) and the internal _CompleteProcessingJob. */
import { defineOperation } from "../../core/registry";
import { Validator } from "../../core/validate";
import { validation, inUse } from "../../core/errors";
import { arn } from "../../core/arn";
import { parseTags, addTags } from "../../core/tags";
import { isObject, type JsonObject, copy, obj, str } from "../../core/json";
import { listPage } from "../../core/list";
import { jobNotFound } from "./kinds";
import { processingJobs, pendingStops, ROLE, JOB_NAME, JOB_STATUS, type JobRecord } from "./store";
import { parametersOf, startTrialComponent, finishTrialComponent, inputArtifactsOf } from "./trial-component";
import { checkExperimentConfig } from "./training";

const tcName = (job: string) => `${job}-aws-processing-job`;

defineOperation("CreateProcessingJob", async (input, ctx) => {
  const v = new Validator(input);
  const name = v.string("ProcessingJobName", JOB_NAME);
  v.string("RoleArn", ROLE);
  const res = v.object("ProcessingResources", { required: true });
  const cluster = res
    ? v.object("ClusterConfig", { required: true }, res, "ProcessingResources.ClusterConfig")
    : undefined;
  if (cluster) {
    const p = "ProcessingResources.ClusterConfig";
    v.number(
      "InstanceCount",
      { required: true, min: 1, max: 100, integer: true },
      cluster,
      `${p}.InstanceCount`,
    );
    v.string("InstanceType", { required: true }, cluster, `${p}.InstanceType`);
    v.number(
      "VolumeSizeInGB",
      { required: true, min: 1, max: 16384, integer: true },
      cluster,
      `${p}.VolumeSizeInGB`,
    );
  }
  const app = v.object("AppSpecification", { required: true });
  if (app) v.string("ImageUri", { required: true, max: 255 }, app, "AppSpecification.ImageUri");
  v.array("ProcessingInputs", { max: 10 });
  const stop = v.object("StoppingCondition");
  if (stop)
    v.number(
      "MaxRuntimeInSeconds",
      { required: true, min: 1, max: 777600, integer: true },
      stop,
      "StoppingCondition.MaxRuntimeInSeconds",
    );
  checkExperimentConfig(v);
  v.done();
  const tags = parseTags(input.Tags);
  const jobName = name ?? "";
  const jobArn = arn("processing-job", jobName);
  if (processingJobs(ctx.state).has(jobName.toLowerCase()))
    throw inUse(
      `Job name must be unique within an AWS account and region, and a job with this name already exists (${jobArn})`,
    );
  const now = ctx.now();
  const record: JobRecord = {
    ProcessingJobName: jobName,
    ProcessingJobArn: jobArn,
    ProcessingJobStatus: "InProgress",
    CreationTime: now,
    ProcessingStartTime: now,
    LastModifiedTime: now,
  };
  for (const k of [
    "ProcessingInputs",
    "ProcessingOutputConfig",
    "ProcessingResources",
    "StoppingCondition",
    "AppSpecification",
    "Environment",
    "NetworkConfig",
    "RoleArn",
    "ExperimentConfig",
  ])
    if (input[k] !== undefined) record[k] = copy(input[k]);
  processingJobs(ctx.state).set(jobName.toLowerCase(), record);
  addTags(ctx.state, jobArn, tags);
  const extra: Record<string, string | number> = {};
  if (str(app?.ImageUri)) extra["SageMaker.ImageUri"] = str(app?.ImageUri) ?? "";
  if (str(cluster?.InstanceType)) extra["SageMaker.InstanceType"] = str(cluster?.InstanceType) ?? "";
  if (typeof cluster?.InstanceCount === "number") extra["SageMaker.InstanceCount"] = cluster.InstanceCount;
  if (typeof cluster?.VolumeSizeInGB === "number") extra["SageMaker.VolumeSizeInGB"] = cluster.VolumeSizeInGB;
  await startTrialComponent(
    ctx,
    tcName(jobName),
    jobArn,
    "SageMakerProcessingJob",
    parametersOf(undefined, extra),
    inputArtifactsOf(input.ProcessingInputs, "InputName", (i) => obj(i.S3Input)?.S3Uri),
    obj(input.ExperimentConfig),
  );
  return { ProcessingJobArn: jobArn };
});

defineOperation("_CompleteProcessingJob", async (input, ctx) => {
  const name = str(input.ProcessingJobName) ?? "";
  const j = processingJobs(ctx.state).get(name.toLowerCase());
  if (!j) throw jobNotFound();
  const status = str(input.ProcessingJobStatus) ?? "Completed";
  if (!["Completed", "Failed", "Stopped"].includes(status))
    throw validation(`Invalid ProcessingJobStatus ${status}`);
  const now = ctx.now();
  const next = copy(j);
  next.ProcessingJobStatus = status;
  next.ProcessingEndTime = now;
  next.LastModifiedTime = now;
  const failure = str(input.FailureReason);
  if (failure !== undefined) next.FailureReason = failure;
  const exit = str(input.ExitMessage);
  if (exit !== undefined) next.ExitMessage = exit;
  processingJobs(ctx.state).set(name.toLowerCase(), next);
  pendingStops(ctx.state).delete(`processing:${name.toLowerCase()}`);
  const outputs: JsonObject = {};
  const outCfg = obj(j.ProcessingOutputConfig);
  if (status === "Completed" && outCfg && Array.isArray(outCfg.Outputs))
    for (const o of outCfg.Outputs)
      if (isObject(o) && typeof o.OutputName === "string") {
        const uri = str(obj(o.S3Output)?.S3Uri);
        if (uri) outputs[o.OutputName] = { Value: uri };
      }
  await finishTrialComponent(ctx, tcName(name), status, failure, outputs, [], str(j.ProcessingJobArn) ?? "");
  return {};
});

defineOperation("ListProcessingJobs", (input, ctx) => {
  const page = listPage<JobRecord>(input, processingJobs(ctx.state).values(), {
    sortKeys: {
      Name: (j) => str(j.ProcessingJobName),
      CreationTime: (j) => j.CreationTime,
      Status: (j) => str(j.ProcessingJobStatus),
    },
    defaultSortBy: "CreationTime",
    defaultOrder: "Ascending",
    name: (j) => str(j.ProcessingJobName) ?? "",
    creationTime: (j) => j.CreationTime,
    lastModifiedTime: (j) => j.LastModifiedTime,
    status: (j) => str(j.ProcessingJobStatus),
    statusEnum: JOB_STATUS,
  });
  return {
    ProcessingJobSummaries: page.items.map((j) => ({
      ProcessingJobName: j.ProcessingJobName,
      ProcessingJobArn: j.ProcessingJobArn,
      CreationTime: j.CreationTime,
      ProcessingEndTime: j.ProcessingEndTime,
      LastModifiedTime: j.LastModifiedTime,
      ProcessingJobStatus: j.ProcessingJobStatus,
      FailureReason: j.FailureReason,
      ExitMessage: j.ExitMessage,
    })),
    NextToken: page.nextToken,
  };
});
