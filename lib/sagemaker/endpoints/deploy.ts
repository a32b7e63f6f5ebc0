import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  UpdateEndpointCommand,
  type DataCaptureConfig,
  type ProductionVariant,
} from "@aws-sdk/client-sagemaker";
import type { AccountConfig } from "@/lib/config";
import { isAppError } from "@/lib/errors";
import { currentAccount, inAccount } from "@/lib/sagemaker/accounts/context";
import { sagemakerWrite } from "@/lib/sagemaker/call";
import { getSageMakerClient } from "@/lib/sagemaker/client";
import { SageMakerValidationError } from "@/lib/sagemaker/errors";
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

/**
 * A create whose answer may have been lost: the SDK retries a 5xx, and when the first attempt had in fact created
 * the resource SageMaker answers "Cannot create already existing …". That is success when `ours()` confirms the
 * resource is the one this deployment made (a unique name, or the endpoint on this decision's config).
 */
async function createOnce(create: () => Promise<unknown>, ours: () => Promise<boolean>): Promise<void> {
  try {
    await create();
  } catch (err) {
    const already =
      err instanceof SageMakerValidationError && /Cannot create already existing/.test(err.message);
    if (already && (await ours())) return;
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
  /** the configured account whose endpoint this is (default: the account of the current context) */
  account?: string;
}

/**
 * The role the new model runs as, in the target account: the account's configured `executionRoleArn`, else
 * the role of the model the endpoint serves now, else `SageMakerExecutionRole` of the target account (its id
 * from configuration; for a single home account whose id is not configured, the registry's, i.e. the package's).
 */
export function executionRoleFor(
  account: AccountConfig,
  servedRoleArn: string | undefined,
  packageArn: string,
): string {
  if (account.executionRoleArn) return account.executionRoleArn;
  if (servedRoleArn) return servedRoleArn;
  const [, partition = "aws", , , packageAccount] = packageArn.split(":");
  const id = account.accountId ?? packageAccount;
  return `arn:${partition}:iam::${id}:role/SageMakerExecutionRole`;
}

/**
 * Model (from the package, by ARN: it may sit in another account's registry) → endpoint config (sized like the
 * current one) → CreateEndpoint or UpdateEndpoint, every call in the endpoint's account. Returns as soon as
 * SageMaker accepted the rollout; follow it with describeEndpoint in the same account.
 */
export function deployVersion(input: DeployInput): Promise<{ kind: "create" | "update" }> {
  return inAccount(input.account ?? currentAccount(), () => deployHere(input));
}

async function deployHere(input: DeployInput): Promise<{ kind: "create" | "update" }> {
  const current = await describeEndpoint(input.endpointName, true);
  const currentServed = current?.configName ? await servedPackage(current.configName) : {};
  const modelName = `${input.group}-v${input.version}`.slice(0, 63);
  const tagList = Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value }));

  const haveModel = await exists(() => describeModel(modelName));
  if (!haveModel) {
    await createOnce(
      () =>
        sagemakerWrite({ operation: "CreateModel", invalidate: INVALIDATE }, () =>
          client().send(
            new CreateModelCommand({
              ModelName: modelName,
              PrimaryContainer: { ModelPackageName: input.packageArn },
              ExecutionRoleArn: executionRoleFor(currentAccount(), currentServed.roleArn, input.packageArn),
              Tags: tagList,
            }),
          ),
        ),
      // one model per group version: an existing one serves this deployment
      () => exists(() => describeModel(modelName)),
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
  await createOnce(
    () =>
      sagemakerWrite({ operation: "CreateEndpointConfig", invalidate: INVALIDATE }, () =>
        client().send(
          new CreateEndpointConfigCommand({
            EndpointConfigName: input.configName,
            ProductionVariants: [variant],
            ...(dataCapture ? { DataCaptureConfig: dataCapture } : {}),
            Tags: tagList,
          }),
        ),
      ),
    // the config's name is unique to this decision
    () => exists(() => describeEndpointConfig(input.configName)),
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
  await createOnce(
    () =>
      sagemakerWrite(
        { operation: "CreateEndpoint", resource: `Endpoint "${input.endpointName}"`, invalidate: INVALIDATE },
        () =>
          client().send(
            new CreateEndpointCommand({
              EndpointName: input.endpointName,
              EndpointConfigName: input.configName,
              Tags: tagList,
            }),
          ),
      ),
    // ours only when it was created on this decision's config (someone else's endpoint stays an error)
    async () => {
      const made = await describeEndpoint(input.endpointName, true);
      return made?.configName === input.configName || made?.pendingConfigName === input.configName;
    },
  );
  return { kind: "create" };
}
