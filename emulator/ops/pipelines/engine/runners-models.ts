/** Model (CreateModel) and RegisterModel (CreateModelPackage) steps. */
import { text } from "./text";
import { AwsError } from "../../../core/errors";
import { getObject } from "../../jobs/s3";
import { isObject, type JsonObject } from "../../../core/json";
import type { StepDef } from "./definition";
import { arn, jobName, stepState, tryCall, upstream, type Run } from "./run";
import { defineRunner, durationBetween, resolvedArgs } from "./runner";

const failMessage = (err: unknown) =>
  err instanceof AwsError ? `${err.code}: ${err.message}` : (err as Error).message;

defineRunner(["Model"], {
  async start(run, step, st) {
    const args = resolvedArgs(run, step);
    const name = typeof args.ModelName === "string" ? args.ModelName : jobName(run, step);
    try {
      const out = await tryCall(run.ctx, "CreateModel", { ...args, ModelName: name });
      const modelArn = typeof out?.ModelArn === "string" ? out.ModelArn : arn("model", name);
      st.Metadata = { Model: { Arn: modelArn } };
      st.xProps = { ModelName: name, ModelArn: modelArn, ...pick(args, ["PrimaryContainer", "Containers"]) };
    } catch (err) {
      st.xFail = failMessage(err);
      st.xFailType = "Step.SERVICE_FAULT";
    }
    return durationBetween(run, 3, 8);
  },
});

function pick(o: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The evaluation report written upstream (nearest property file), with its URI. */
function upstreamReport(
  run: Run,
  step: StepDef,
): { uri: string; metrics: Record<string, number> } | undefined {
  for (const s of upstream(run, step)) {
    const files = stepState(run, s.Name)?.xPropertyFiles;
    for (const uri of Object.values(files ?? {})) {
      const body = getObject(run.ctx.state, uri)?.body;
      if (!body) continue;
      try {
        const doc = JSON.parse(body) as unknown;
        const metrics: Record<string, number> = {};
        if (isObject(doc) && isObject(doc.metrics))
          for (const [k, v] of Object.entries(doc.metrics))
            if (isObject(v) && typeof v.value === "number") metrics[k] = v.value;
        return { uri, metrics };
      } catch {
        continue;
      }
    }
  }
  return undefined;
}

/**
 * A RegisterModel step whose group does not exist yet creates it, as the SageMaker Python SDK does when it builds
 * the step (it calls CreateModelPackageGroup for a group given by name; see emulator/README.md). A group given by
 * ARN is another account's and is never created.
 */
async function ensureGroup(run: Run, group: unknown): Promise<void> {
  if (typeof group !== "string" || group === "" || group.startsWith("arn:")) return;
  try {
    await run.ctx.call("DescribeModelPackageGroup", { ModelPackageGroupName: group });
  } catch {
    await tryCall(run.ctx, "CreateModelPackageGroup", {
      ModelPackageGroupName: group,
      ModelPackageGroupDescription: `Created by pipeline ${run.exec.PipelineName} for its RegisterModel step.`,
    });
  }
}

defineRunner(["RegisterModel"], {
  async start(run, step, st) {
    const args = resolvedArgs(run, step);
    const report = upstreamReport(run, step);
    const customer: JsonObject = isObject(args.CustomerMetadataProperties)
      ? { ...args.CustomerMetadataProperties }
      : {};
    for (const [k, v] of Object.entries(report?.metrics ?? {})) customer[`metric:${k}`] = v.toFixed(4);
    const metadata = isObject(args.MetadataProperties) ? args.MetadataProperties : {};
    const input: JsonObject = {
      ...args,
      ModelApprovalStatus:
        typeof args.ModelApprovalStatus === "string" ? args.ModelApprovalStatus : "PendingManualApproval",
      MetadataProperties: { ...metadata, GeneratedBy: run.exec.PipelineExecutionArn },
    };
    delete input.CertifyForMarketplace;
    delete input.Description;
    if (Object.keys(customer).length > 0) input.CustomerMetadataProperties = customer;
    if (!isObject(args.ModelMetrics) && report)
      input.ModelMetrics = {
        ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: report.uri } },
      };
    try {
      await ensureGroup(run, args.ModelPackageGroupName);
      const out = await tryCall(run.ctx, "CreateModelPackage", input);
      const group = text(args.ModelPackageGroupName, step.Name);
      const pkgArn =
        typeof out?.ModelPackageArn === "string" ? out.ModelPackageArn : arn("model-package", group, 1);
      st.Metadata = { RegisterModel: { Arn: pkgArn } };
      st.xProps = {
        ModelPackageArn: pkgArn,
        ModelPackageGroupName: group,
        ModelApprovalStatus: text(input.ModelApprovalStatus),
      };
    } catch (err) {
      st.xFail = failMessage(err);
      st.xFailType = "Step.SERVICE_FAULT";
    }
    return durationBetween(run, 2, 6);
  },
});
