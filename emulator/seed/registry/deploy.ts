/** Staging and production deployments with their history, and the lifecycle stages they imply. */
import type { SeedEnv } from "../env";
import { type SolutionSpec } from "../org";
import { solutionTags } from "../projects";
import { type PackageRecord } from "../../ops/registry/store";
import { isObject } from "../../core/json";
import { DAY, HOUR, BUCKET, IMAGE, type Event, registrant, update, stage, type Decided } from "./common";

export interface Deployment {
  t: number;
  user: string;
  endpoint: string;
  stageTag: "staging" | "prod";
  p: PackageRecord;
  /** redeploy an earlier endpoint config (rollback) */
  rollbackTo?: PackageRecord;
  /** the version was never approved (churn) */
  unapproved?: boolean;
}

export async function deploy(
  env: SeedEnv,
  s: SolutionSpec,
  d: Deployment,
  made: Set<string>,
  live: Set<string>,
) {
  const ctx = env.as(d.user, d.t);
  const tags = [...solutionTags(s), { Key: "sagemaker:deployment-stage", Value: d.stageTag }];
  const target = d.rollbackTo ?? d.p;
  const version = target.ModelPackageVersion ?? 0;
  const model = `${target.ModelPackageGroupName ?? "model"}-v${version}`.slice(0, 63);
  if (!made.has(model)) {
    const spec = target.InferenceSpecification;
    const first = isObject(spec) && Array.isArray(spec.Containers) ? spec.Containers[0] : undefined;
    if (!isObject(first) || typeof first.Image !== "string")
      // a version registered without an inference image cannot be served; give it one first
      await ctx.call("UpdateModelPackage", {
        ModelPackageArn: target.ModelPackageArn,
        InferenceSpecification: {
          Containers: [{ Image: IMAGE }],
          SupportedContentTypes: ["text/csv"],
          SupportedResponseMIMETypes: ["text/csv"],
        },
      });
    await ctx.call("CreateModel", {
      ModelName: model,
      PrimaryContainer: { ModelPackageName: target.ModelPackageArn },
      ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
      Tags: tags,
    });
    made.add(model);
  }
  const config = `${d.endpoint}-v${version}`.slice(0, 63);
  if (!made.has(config)) {
    await ctx.call("CreateEndpointConfig", {
      EndpointConfigName: config,
      ProductionVariants: [
        {
          VariantName: "AllTraffic",
          ModelName: model,
          InitialInstanceCount: d.stageTag === "prod" ? 2 : 1,
          InstanceType: d.stageTag === "prod" ? "ml.m5.xlarge" : "ml.m5.large",
          InitialVariantWeight: 1,
        },
      ],
      ...(d.stageTag === "prod" && s.monitoring
        ? {
            DataCaptureConfig: {
              EnableCapture: true,
              InitialSamplingPercentage: 20,
              DestinationS3Uri: `s3://${BUCKET}/${d.endpoint}/data-capture`,
              CaptureOptions: [{ CaptureMode: "Input" }, { CaptureMode: "Output" }],
            },
          }
        : {}),
      Tags: tags,
    });
    made.add(config);
  }
  await ctx.call("_SettleEndpoints", {});
  if (live.has(d.endpoint))
    await ctx.call("UpdateEndpoint", { EndpointName: d.endpoint, EndpointConfigName: config });
  else {
    await ctx.call("CreateEndpoint", { EndpointName: d.endpoint, EndpointConfigName: config, Tags: tags });
    live.add(d.endpoint);
  }
}

/**
 * Staging gets an approved version at most every two days; production gets a staged version (or, without
 * staging, an approved one) a day or two later, at most every ten days.
 */
export function planDeployments(
  env: SeedEnv,
  s: SolutionSpec,
  approved: Decided[],
  versions: PackageRecord[],
) {
  const plan: Deployment[] = [];
  const approver = s.approvers[0] ?? s.scientists[0] ?? "admin";
  const latest = env.anchor - 4 * HOUR;
  const ordered = [...approved].sort((a, b) => a.at - b.at);
  let candidates: { p: PackageRecord; t: number }[] = ordered.map((a) => ({ p: a.p, t: a.at }));
  if (s.endpoints.staging) {
    const staged: { p: PackageRecord; t: number }[] = [];
    let lastStaging = 0;
    for (const a of ordered) {
      const t = a.at + HOUR + Math.floor(env.random() * 3 * HOUR);
      if (t >= latest || t < lastStaging + 2 * DAY) continue;
      plan.push({ t, user: approver, endpoint: s.endpoints.staging, stageTag: "staging", p: a.p });
      staged.push({ p: a.p, t });
      lastStaging = t;
    }
    candidates = staged;
  }
  if (s.endpoints.production) {
    let last = 0;
    for (const c of candidates) {
      const t = c.t + DAY + Math.floor(env.random() * DAY);
      if (t >= latest - DAY || t < last + 10 * DAY) continue;
      plan.push({ t, user: approver, endpoint: s.endpoints.production, stageTag: "prod", p: c.p });
      last = t;
    }
    const prod = plan.filter((d) => d.stageTag === "prod");
    // one rollback in production history: the middle deployment is reverted six hours later
    if (s.manualApprovals && prod.length >= 3) {
      const k = Math.floor(prod.length / 2);
      const bad = prod[k];
      const prev = prod[k - 1];
      const next = prod[k + 1];
      if (bad && prev && next && bad.t + 6 * HOUR < next.t)
        plan.push({ ...bad, t: bad.t + 6 * HOUR, rollbackTo: prev.p });
    }
    if (!s.manualApprovals) {
      // churn: the newest production deployment serves a version nobody approved
      const unapproved = versions
        .filter((p) => p.CreationTime < env.anchor - 4 * DAY)
        .reverse()
        .find((p) => !approved.some((a) => a.p === p));
      if (unapproved)
        plan.push({
          t: Math.max(unapproved.CreationTime + 6 * HOUR, last + HOUR),
          user: registrant(unapproved) ?? approver,
          endpoint: s.endpoints.production,
          stageTag: "prod",
          p: unapproved,
          unapproved: true,
        });
    }
  }
  plan.sort((a, b) => a.t - b.t);
  // keep deployments to one endpoint at least 15 minutes apart (a rollout must finish first)
  const lastAt = new Map<string, number>();
  for (const d of plan) {
    const prev = lastAt.get(d.endpoint);
    if (prev !== undefined && d.t < prev + 900) d.t = prev + 900;
    lastAt.set(d.endpoint, d.t);
  }
  return plan.sort((a, b) => a.t - b.t);
}

export function lifecycleForDeployments(plan: Deployment[], ev: Event[]) {
  for (const d of plan.filter((x) => x.stageTag === "staging"))
    ev.push(
      update(
        d.t + 300,
        d.user,
        d.p.ModelPackageArn,
        stage("Staging", "InProgress", `Deployed to ${d.endpoint}.`),
      ),
    );
  let current: PackageRecord | undefined;
  for (const d of plan.filter((x) => x.stageTag === "prod")) {
    const t = d.t + 300;
    if (d.rollbackTo) {
      ev.push(
        update(t, d.user, d.p.ModelPackageArn, {
          ...stage(
            "Development",
            "OnHold",
            `Rolled back from ${d.endpoint}: p99 latency regression after deployment.`,
          ),
        }),
      );
      ev.push(
        update(
          t + 1,
          d.user,
          d.rollbackTo.ModelPackageArn,
          stage("Production", "Approved", `Restored on ${d.endpoint}.`),
        ),
      );
      current = d.rollbackTo;
      continue;
    }
    if (current && current !== d.p)
      ev.push(
        update(
          t,
          d.user,
          current.ModelPackageArn,
          stage("Archived", "Retired", `Replaced on ${d.endpoint}.`),
        ),
      );
    ev.push(
      update(
        t + 1,
        d.user,
        d.p.ModelPackageArn,
        stage("Production", "Approved", `Serving on ${d.endpoint}.`),
      ),
    );
    current = d.p;
  }
}
