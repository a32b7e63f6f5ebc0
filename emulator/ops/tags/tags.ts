/** AddTags, ListTags, DeleteTags on any existing SageMaker resource ARN (reference §1.6). */
import { defineOperation } from "../../core/registry";
import { Validator } from "../../core/validate";
import { validation } from "../../core/errors";
import { ARN_PATTERN } from "../../core/arn";
import { parseTags, addTags, getTags, removeTags, tagStore } from "../../core/tags";
import { paginate } from "../../core/paginate";
import type { Ctx } from "../../core/context";

const ARN_RULE = {
  required: true,
  max: 256,
  pattern: ARN_PATTERN,
  patternText: "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:.+",
};

/** Describe operation and member that prove a resource of each ARN type exists. */
const DESCRIBE: Record<string, [string, string, "name" | "arn"]> = {
  experiment: ["DescribeExperiment", "ExperimentName", "name"],
  "experiment-trial": ["DescribeTrial", "TrialName", "name"],
  "experiment-trial-component": ["DescribeTrialComponent", "TrialComponentName", "name"],
  pipeline: ["DescribePipeline", "PipelineName", "name"],
  "model-package-group": ["DescribeModelPackageGroup", "ModelPackageGroupName", "arn"],
  "model-package": ["DescribeModelPackage", "ModelPackageName", "arn"],
  model: ["DescribeModel", "ModelName", "name"],
  "endpoint-config": ["DescribeEndpointConfig", "EndpointConfigName", "name"],
  endpoint: ["DescribeEndpoint", "EndpointName", "name"],
  "training-job": ["DescribeTrainingJob", "TrainingJobName", "name"],
  "processing-job": ["DescribeProcessingJob", "ProcessingJobName", "name"],
  "monitoring-schedule": ["DescribeMonitoringSchedule", "MonitoringScheduleName", "name"],
  project: ["DescribeProject", "ProjectName", "name"],
};

async function requireResource(ctx: Ctx, resourceArn: string): Promise<void> {
  if (tagStore(ctx.state).has(resourceArn)) return;
  const m = /^arn:[^:]+:sagemaker:[^:]*:[0-9]{12}:([a-z-]+)\/(.+)$/.exec(resourceArn);
  const missing = validation(`Resource ${resourceArn} does not exist.`);
  if (!m?.[1] || !m[2]) throw missing;
  const [, type, rest] = m;
  if (type === "pipeline" && rest.includes("/execution/")) {
    await ctx.call("DescribePipelineExecution", { PipelineExecutionArn: resourceArn }).catch(() => {
      throw missing;
    });
    return;
  }
  const d = DESCRIBE[type];
  if (!d) throw missing;
  const [op, member, form] = d;
  const value = form === "arn" ? resourceArn : (rest.split("/")[0] ?? rest);
  await ctx.call(op, { [member]: value }).catch(() => {
    throw missing;
  });
}

defineOperation("AddTags", async (input, ctx) => {
  const v = new Validator(input);
  const resourceArn = v.string("ResourceArn", ARN_RULE);
  v.array("Tags", { required: true, max: 50 });
  v.done();
  const tags = parseTags(input.Tags);
  await requireResource(ctx, resourceArn ?? "");
  const keys = new Set([
    ...getTags(ctx.state, resourceArn ?? "").map((t) => t.Key),
    ...tags.map((t) => t.Key),
  ]);
  if (keys.size > 50) throw validation(`Resource ${resourceArn} cannot have more than 50 tags.`);
  addTags(ctx.state, resourceArn ?? "", tags);
  return { Tags: tags };
});

defineOperation("ListTags", async (input, ctx) => {
  const v = new Validator(input);
  const resourceArn = v.string("ResourceArn", ARN_RULE);
  const max = v.number("MaxResults", { min: 50, integer: true }) ?? 50;
  v.string("NextToken", { max: 8192 });
  v.done();
  await requireResource(ctx, resourceArn ?? "");
  const all = [...getTags(ctx.state, resourceArn ?? "")];
  const page = paginate(all, typeof input.NextToken === "string" ? input.NextToken : undefined, max, {
    arn: resourceArn,
  });
  return { Tags: page.items, NextToken: page.nextToken };
});

defineOperation("DeleteTags", async (input, ctx) => {
  const v = new Validator(input);
  const resourceArn = v.string("ResourceArn", ARN_RULE);
  const keys = v.array("TagKeys", { required: true, min: 1, max: 50 });
  keys?.forEach((k, i) => {
    if (typeof k !== "string" || k.length < 1 || k.length > 128)
      v.fail(
        `Value '${typeof k === "string" ? k : JSON.stringify(k)}' at 'tagKeys.${i + 1}.member' failed to satisfy constraint: Member must have length between 1 and 128`,
      );
  });
  v.done();
  await requireResource(ctx, resourceArn ?? "");
  removeTags(
    ctx.state,
    resourceArn ?? "",
    (keys ?? []).filter((k): k is string => typeof k === "string"),
  );
  return {};
});
