/** Model (CreateModel) and RegisterModel (CreateModelPackage) steps. */
import { text } from "./text";
import { AwsError } from "../../../core/errors";
import { isObject, type JsonObject } from "../../../core/json";
import { arn, jobName, tryCall, type Run } from "./run";
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
    const metadata = isObject(args.MetadataProperties) ? args.MetadataProperties : {};
    const input: JsonObject = {
      ...args,
      ModelApprovalStatus:
        typeof args.ModelApprovalStatus === "string" ? args.ModelApprovalStatus : "PendingManualApproval",
      MetadataProperties: { ...metadata, GeneratedBy: run.exec.PipelineExecutionArn },
    };
    delete input.CertifyForMarketplace;
    delete input.Description;
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
