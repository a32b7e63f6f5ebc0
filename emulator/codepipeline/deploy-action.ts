/**
 * A Deploy action that names an endpoint (emulator-specific configuration keys, see README "CodePipeline"):
 * creates or updates that SageMaker endpoint in the account of the action's `roleArn` (the cross-account deploy
 * role, as real cross-account pipelines declare it), serving the execution's model version, and succeeds when
 * the endpoint is InService on the new configuration (fails with the endpoint's FailureReason otherwise).
 */
import { AwsError } from "../core/errors";
import { accountOfArn } from "../core/arn";
import type { Ctx } from "../core/context";
import { groupVersions, findPackage } from "../ops/registry/store";
import { endpoints, endpointConfigs, models, key } from "../ops/deploy/store";
import { settle } from "../ops/deploy/rollout";
import { text, type ActionDecl, type ActionRun, type ExecutionRecord, type PipelineRecord } from "./store";

/** The latest Approved version of a group (what the MLOps template's build step deploys). */
export function latestApproved(ctx: Ctx, group: string): string | undefined {
  const approved = groupVersions(ctx.state, group)
    .filter((p) => p.ModelApprovalStatus === "Approved")
    .sort((a, b) => (b.ModelPackageVersion ?? 0) - (a.ModelPackageVersion ?? 0));
  return approved[0]?.ModelPackageArn;
}

function fail(run: ActionRun, at: number, message: string): void {
  run.status = "Failed";
  run.lastUpdateTime = at;
  run.errorDetails = { code: "JobFailed", message: message.slice(0, 5000) };
}

export async function startDeploy(
  ctx: Ctx,
  p: PipelineRecord,
  e: ExecutionRecord,
  a: ActionDecl,
  run: ActionRun,
): Promise<void> {
  const cfg = run.resolvedConfiguration ?? {};
  const at = run.startTime;
  const endpoint = (cfg.EmulatorEndpointName ?? "").slice(0, 63);
  const pkgArn =
    e.modelPackageArn ??
    cfg.EmulatorModelPackageArn ??
    (cfg.EmulatorModelPackageGroupName ? latestApproved(ctx, cfg.EmulatorModelPackageGroupName) : undefined);
  if (!pkgArn)
    return fail(
      run,
      at,
      `No approved model version in group '${cfg.EmulatorModelPackageGroupName ?? ""}' to deploy.`,
    );
  e.modelPackageArn = pkgArn;
  const pkg = findPackage(ctx.state, pkgArn);
  const account = accountOfArn(a.roleArn ?? "") ?? accountOfArn(text(p.declaration.roleArn)) ?? ctx.account;
  const role = (a.roleArn ?? text(p.declaration.roleArn)).split("/").pop() ?? "CodePipelineRole";
  const version = pkg?.ModelPackageVersion ?? (Number(pkgArn.split("/").pop()) || 1);
  const group = pkg?.ModelPackageGroupName ?? pkgArn.split("/").slice(-2)[0] ?? "model";
  const model = `${group}-v${version}`.slice(0, 63);
  const config = `${endpoint}-v${version}`.slice(0, 63);
  try {
    await ctx.inAccount(account, async (target) => {
      const c = target.withIdentity({
        IamIdentity: {
          Arn: `arn:aws:sts::${account}:assumed-role/${role}/AWSCloudFormation`,
          PrincipalId: `AROA${account}:AWSCloudFormation`,
        },
      });
      if (!models(c.state).has(key(model)))
        await c.call("CreateModel", {
          ModelName: model,
          PrimaryContainer: { ModelPackageName: pkgArn },
          ExecutionRoleArn: `arn:aws:iam::${account}:role/SageMakerExecutionRole`,
        });
      if (!endpointConfigs(c.state).has(key(config)))
        await c.call("CreateEndpointConfig", {
          EndpointConfigName: config,
          ProductionVariants: [
            {
              VariantName: cfg.EmulatorVariantName ?? "AllTraffic",
              ModelName: model,
              InitialInstanceCount: Number(cfg.EmulatorInstanceCount ?? "1") || 1,
              InstanceType: cfg.EmulatorInstanceType ?? "ml.m5.large",
              InitialVariantWeight: 1,
            },
          ],
          // the template's data capture (the MLOps template's EnableDataCapture parameter)
          ...(cfg.EmulatorDataCaptureS3Uri
            ? {
                DataCaptureConfig: {
                  EnableCapture: true,
                  InitialSamplingPercentage: Number(cfg.EmulatorDataCapturePercentage ?? "20") || 20,
                  DestinationS3Uri: cfg.EmulatorDataCaptureS3Uri,
                  CaptureOptions: [{ CaptureMode: "Input" }, { CaptureMode: "Output" }],
                },
              }
            : {}),
        });
      settle(c, endpoint);
      const ep = endpoints(c.state).get(key(endpoint));
      if (!ep) await c.call("CreateEndpoint", { EndpointName: endpoint, EndpointConfigName: config });
      else if (ep.EndpointConfigName !== config)
        await c.call("UpdateEndpoint", { EndpointName: endpoint, EndpointConfigName: config });
    });
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    return fail(run, at, `${err.code}: ${err.message}`);
  }
  run.endpoint = { account, name: endpoint, config };
  run.externalExecutionId = `arn:aws:cloudformation:us-east-1:${account}:stack/${cfg.StackName ?? `${endpoint}-deploy`}/${run.actionExecutionId}`;
  run.outputVariables = { EndpointName: endpoint, EndpointAccount: account, ModelPackageArn: pkgArn };
}

/** Completes a deploy action once its endpoint settled; true when it changed. */
export function checkDeploy(ctx: Ctx, run: ActionRun): boolean {
  const where = run.endpoint;
  if (!where) return false;
  return ctx.inAccount(where.account, (target) => {
    settle(target, where.name);
    const ep = endpoints(target.state).get(key(where.name));
    if (!ep) {
      fail(run, ctx.now(), `Endpoint ${where.name} was deleted while deploying.`);
      return true;
    }
    if (ep.EndpointStatus === "InService" && ep.EndpointConfigName === where.config) {
      run.status = "Succeeded";
      run.lastUpdateTime = Math.max(run.startTime, ep.LastModifiedTime);
      run.externalExecutionSummary = `Endpoint ${where.name} is InService on ${where.config}.`;
      delete run.endpoint;
      return true;
    }
    if (
      ep.EndpointStatus === "Failed" ||
      (ep.EndpointStatus === "InService" && typeof ep.FailureReason === "string")
    ) {
      fail(
        run,
        Math.max(run.startTime, ep.LastModifiedTime),
        `Endpoint ${where.name}: ${text(ep.FailureReason) || "update failed"}`,
      );
      delete run.endpoint;
      return true;
    }
    return false;
  });
}
