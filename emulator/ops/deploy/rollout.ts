/** Endpoint rollouts: Creating/Updating → InService (or Failed / rolled back) after simulated time. */
import { defineOperation, defineTicker } from "../../core/registry";
import { scaled, hash32 } from "../../core/clock";
import { ACCOUNT_ID, accountOfArn, arn } from "../../core/arn";
import { isObject, type JsonObject, copy } from "../../core/json";
import type { Ctx } from "../../core/context";
import type { State } from "../../core/state";
import { findPackage } from "../registry/store";
import { endpoints, endpointConfigs, models, rollouts, injectedFailures, key, type Rollout } from "./store";

/** simulated seconds a create or update takes */
export const ROLLOUT_SECONDS = 120;

export function startRollout(ctx: Ctx, endpoint: string, config: string, kind: "create" | "update"): Rollout {
  const now = ctx.now();
  const injected = injectedFailures(ctx.state).get(key(endpoint));
  if (injected !== undefined) injectedFailures(ctx.state).delete(key(endpoint));
  const r: Rollout = {
    endpoint,
    config,
    kind,
    startedAt: now,
    dueAt: now + scaled(ROLLOUT_SECONDS),
    ...(injected !== undefined ? { failureReason: injected } : {}),
  };
  rollouts(ctx.state).set(key(endpoint), r);
  return r;
}

/** Where a package lives: a model may use another account's package by ARN (CreateModel checked the group policy). */
function packageState(state: State, nameOrArn: string): State {
  const owner = accountOfArn(nameOrArn);
  if (!owner || owner === (state.account ?? ACCOUNT_ID)) return state;
  return state.forAccount(owner === ACCOUNT_ID ? undefined : owner);
}

function imageOf(state: State, model: JsonObject): { image?: string; error?: string } {
  const c = isObject(model.PrimaryContainer)
    ? model.PrimaryContainer
    : Array.isArray(model.Containers) && isObject(model.Containers[0])
      ? model.Containers[0]
      : undefined;
  if (!c) return { error: "The model has no container." };
  if (typeof c.ModelPackageName === "string") {
    const p = findPackage(packageState(state, c.ModelPackageName), c.ModelPackageName);
    if (!p) return { error: `Model package ${c.ModelPackageName} does not exist.` };
    const spec = isObject(p.InferenceSpecification) ? p.InferenceSpecification : undefined;
    const first = spec && Array.isArray(spec.Containers) ? spec.Containers[0] : undefined;
    if (isObject(first) && typeof first.Image === "string") return { image: first.Image };
    return { error: `Model package ${p.ModelPackageArn} has no inference container image.` };
  }
  return typeof c.Image === "string" ? { image: c.Image } : { error: "The model container has no image." };
}

/** ProductionVariants as DescribeEndpoint shows them once a config is deployed, or a failure reason. */
export function deployedVariants(
  state: State,
  configName: string,
  at: number,
): { variants?: JsonObject[]; error?: string } {
  const cfg = endpointConfigs(state).get(key(configName));
  if (!cfg)
    return { error: `Could not find endpoint configuration "${arn("endpoint-config", configName)}".` };
  const out: JsonObject[] = [];
  for (const pv of cfg.ProductionVariants) {
    const modelName = typeof pv.ModelName === "string" ? pv.ModelName : "";
    const model = models(state).get(key(modelName));
    if (!model) return { error: `Could not find model "${arn("model", modelName)}".` };
    const img = imageOf(state, model);
    if (!img.image) return { error: img.error };
    const digest = hash32(img.image).toString(16).padStart(8, "0").repeat(8);
    const weight = typeof pv.InitialVariantWeight === "number" ? pv.InitialVariantWeight : 1;
    const variant: JsonObject = {
      VariantName: pv.VariantName,
      DeployedImages: [
        {
          SpecifiedImage: img.image,
          ResolvedImage: `${img.image.split(":")[0]}@sha256:${digest}`,
          ResolutionTime: at,
        },
      ],
      CurrentWeight: weight,
      DesiredWeight: weight,
    };
    if (isObject(pv.ServerlessConfig)) {
      variant.CurrentServerlessConfig = copy(pv.ServerlessConfig);
      variant.DesiredServerlessConfig = copy(pv.ServerlessConfig);
    } else {
      variant.CurrentInstanceCount = pv.InitialInstanceCount;
      variant.DesiredInstanceCount = pv.InitialInstanceCount;
    }
    out.push(variant);
  }
  return { variants: out };
}

/** Completes the endpoint's rollout if it is due at ctx.now(). Cheap when nothing is pending. */
export function settle(ctx: Ctx, endpointName: string): void {
  const k = key(endpointName);
  const r = rollouts(ctx.state).get(k);
  if (!r || r.dueAt > ctx.now()) return;
  rollouts(ctx.state).delete(k);
  const ep = endpoints(ctx.state).get(k);
  if (!ep) return;
  const next = copy(ep);
  delete next.PendingDeploymentSummary;
  const deployed = deployedVariants(ctx.state, r.config, r.dueAt);
  const failure = r.failureReason ?? deployed.error;
  next.LastModifiedTime = r.dueAt;
  if (failure !== undefined) {
    next.FailureReason = failure;
    // a failed create leaves the endpoint Failed; a failed update rolls back to the previous config
    next.EndpointStatus = r.kind === "create" ? "Failed" : "InService";
  } else {
    delete next.FailureReason;
    next.EndpointStatus = "InService";
    next.EndpointConfigName = r.config;
    next.ProductionVariants = deployed.variants ?? [];
    // the capture the endpoint runs is the deployed config's
    const capture = endpointConfigs(ctx.state).get(key(r.config))?.DataCaptureConfig;
    if (capture === undefined) delete next.DataCaptureConfig;
    else next.DataCaptureConfig = copy(capture);
  }
  endpoints(ctx.state).set(k, next);
}

export function settleAll(ctx: Ctx): void {
  if (rollouts(ctx.state).size === 0) return;
  for (const name of [...rollouts(ctx.state).keys()]) settle(ctx, name);
}

defineTicker("deploy.endpoints", (ctx) => settleAll(ctx));

/** Seeding/tests: completes every rollout due at the caller's clock. */
defineOperation("_SettleEndpoints", (_input, ctx) => {
  settleAll(ctx);
  return {};
});

/** Tests: the next CreateEndpoint/UpdateEndpoint of this endpoint fails with FailureReason. */
defineOperation("_FailNextEndpointUpdate", (input, ctx) => {
  const name = typeof input.EndpointName === "string" ? input.EndpointName : "";
  const reason = typeof input.FailureReason === "string" ? input.FailureReason : "Injected failure.";
  injectedFailures(ctx.state).set(key(name), reason);
  return {};
});
