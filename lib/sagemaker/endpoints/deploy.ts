import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  UpdateEndpointCommand,
  type DataCaptureConfig,
  type ProductionVariant,
} from "@aws-sdk/client-sagemaker";
import { isAppError } from "@/lib/errors";
import { sagemakerWrite } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { describeEndpointConfig, describeModel, servedPackage } from "./configs";
import { describeEndpoint } from "./reads";

const INVALIDATE = ["endpoints:", "models:"];
const client = () => getSageMakerClient();

async function exists(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return false;
    throw err;
  }
}

export interface DeployInput {
  endpointName: string;
  packageArn: string;
  group: string;
  version: number;
  /** Makes the endpoint config name unique per decision (and recognisable by the reconciler). */
  configName: string;
  tags: Record<string, string>;
}

/**
 * Model (from the package) → endpoint config (sized like the current one) → CreateEndpoint or UpdateEndpoint.
 * Returns as soon as SageMaker accepted the rollout; follow it with describeEndpoint.
 */
export async function deployVersion(input: DeployInput): Promise<{ kind: "create" | "update" }> {
  const current = await describeEndpoint(input.endpointName, true);
  const currentServed = current?.configName ? await servedPackage(current.configName) : {};
  const modelName = `${input.group}-v${input.version}`.slice(0, 63);
  const tagList = Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value }));

  const haveModel = await exists(() => describeModel(modelName));
  if (!haveModel) {
    await sagemakerWrite({ operation: "CreateModel", invalidate: INVALIDATE }, () =>
      client().send(
        new CreateModelCommand({
          ModelName: modelName,
          PrimaryContainer: { ModelPackageName: input.packageArn },
          ExecutionRoleArn: currentServed.roleArn ?? "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
          Tags: tagList,
        }),
      ),
    );
  }

  let variant: ProductionVariant = {
    VariantName: "AllTraffic",
    ModelName: modelName,
    InitialInstanceCount: 1,
    InstanceType: "ml.m5.large",
    InitialVariantWeight: 1,
  };
  let dataCapture: DataCaptureConfig | undefined;
  if (current?.configName) {
    const cfg = await describeEndpointConfig(current.configName);
    if (cfg.modelName)
      variant = { ...variant, InitialInstanceCount: cfg.instanceCount, InstanceType: cfg.instanceType };
    // a promotion must not silently switch off the data capture that production monitoring reads
    dataCapture = cfg.dataCaptureConfig;
  }
  await sagemakerWrite({ operation: "CreateEndpointConfig", invalidate: INVALIDATE }, () =>
    client().send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: input.configName,
        ProductionVariants: [variant],
        ...(dataCapture ? { DataCaptureConfig: dataCapture } : {}),
        Tags: tagList,
      }),
    ),
  );

  if (current) {
    await sagemakerWrite(
      { operation: "UpdateEndpoint", resource: `Endpoint "${input.endpointName}"`, invalidate: INVALIDATE },
      () =>
        client().send(
          new UpdateEndpointCommand({
            EndpointName: input.endpointName,
            EndpointConfigName: input.configName,
          }),
        ),
    );
    return { kind: "update" };
  }
  await sagemakerWrite(
    { operation: "CreateEndpoint", resource: `Endpoint "${input.endpointName}"`, invalidate: INVALIDATE },
    () =>
      client().send(
        new CreateEndpointCommand({
          EndpointName: input.endpointName,
          EndpointConfigName: input.configName,
          Tags: tagList,
        }),
      ),
  );
  return { kind: "create" };
}
