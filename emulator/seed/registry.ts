/**
 * Last seeder: registry decisions (approvals, rejections, lifecycle stages), staging and production
 * deployments with their history (incl. a rollback, and churn-prod serving an unapproved version),
 * monitoring schedules with months of executions. Works on whatever versions the pipeline seeder
 * registered, topping groups up to a minimum so the demo always holds enough versions.
 */
import type { SeedEnv } from "./env";
import { SOLUTIONS, HISTORY_DAYS, LARGE, type SolutionSpec } from "./org";
import { solutionTags, solutionGroups } from "./projects";
import { groupVersions, type PackageRecord } from "../ops/registry/store";
import { putObject } from "../ops/jobs/s3";
import { isObject, type JsonObject } from "../core/json";

const DAY = 86_400;
const HOUR = 3600;
const MIN_VERSIONS = 12;
const BUCKET = "sagedeck-demo-artifacts";
const IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

interface Event {
  t: number;
  user: string;
  op: string;
  input: JsonObject;
}

const person = (user: string) =>
  user
    .split(".")
    .map((p) => (p[0] ?? "").toUpperCase() + p.slice(1))
    .join(" ");

function metricOf(p: PackageRecord, metric: string): number | undefined {
  const m = isObject(p.CustomerMetadataProperties)
    ? p.CustomerMetadataProperties[`metric:${metric}`]
    : undefined;
  const n = typeof m === "string" ? Number(m) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function registrant(p: PackageRecord): string | undefined {
  const by = isObject(p.CreatedBy) ? p.CreatedBy.UserProfileName : undefined;
  return typeof by === "string" ? by : undefined;
}

/** Registers versions (as a RegisterModel step would) until the group holds MIN_VERSIONS. */
async function topUp(
  env: SeedEnv,
  s: SolutionSpec,
  group: string,
  gate: { metric: string; threshold: number },
) {
  const existing = groupVersions(env.emulator.state, group);
  const missing = MIN_VERSIONS - existing.length;
  if (missing <= 0) return;
  const latest = existing.reduce((m, p) => Math.max(m, p.CreationTime), 0);
  const from = Math.max(latest + HOUR, env.anchor - (HISTORY_DAYS - 10) * DAY);
  const span = env.anchor - 6 * HOUR - from;
  for (let i = 0; i < missing; i++) {
    const t = Math.floor(from + (span * (i + env.random() * 0.5)) / missing);
    const user = s.scientists[i % s.scientists.length] ?? "admin";
    const value = Math.min(0.99, gate.threshold + (env.random() - 0.25) * 0.08 + i * 0.002);
    const prefix = `s3://${BUCKET}/${group}/registered/${t}`;
    const doc = {
      version: "0.0",
      dataset: { item_count: 50_000 + Math.floor(env.random() * 20_000) },
      ...(gate.metric === "ndcg"
        ? { ranking_metrics: { ndcg: { value, standard_deviation: 0.01 } } }
        : {
            binary_classification_metrics: {
              auc: { value, standard_deviation: 0.005 },
              f1: { value: value - 0.12, standard_deviation: 0.01 },
            },
          }),
    };
    putObject(env.emulator.state, `${prefix}/evaluation.json`, JSON.stringify(doc), "application/json");
    await env.as(user, t).call("CreateModelPackage", {
      ModelPackageGroupName: group,
      ModelPackageDescription: `${s.displayName}: registered by ${person(user)}`,
      InferenceSpecification: {
        Containers: [{ Image: IMAGE, ModelDataUrl: `${prefix}/model.tar.gz` }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
        SupportedRealtimeInferenceInstanceTypes: ["ml.m5.large", "ml.m5.xlarge"],
        SupportedTransformInstanceTypes: ["ml.m5.xlarge"],
      },
      ModelMetrics: {
        ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: `${prefix}/evaluation.json` } },
      },
      CustomerMetadataProperties: { [`metric:${gate.metric}`]: value.toFixed(4), registered: "manual" },
      ModelApprovalStatus: "PendingManualApproval",
      Tags: solutionTags(s),
    });
  }
}

const update = (t: number, user: string, arn: string, input: JsonObject): Event => ({
  t,
  user,
  op: "UpdateModelPackage",
  input: { ModelPackageArn: arn, ...input },
});
const stage = (Stage: string, StageStatus: string, StageDescription?: string) => ({
  ModelLifeCycle: { Stage, StageStatus, ...(StageDescription ? { StageDescription } : {}) },
});

interface Decided {
  p: PackageRecord;
  at: number;
  approved: boolean;
}

/** Approval decisions for a group; returns the approved versions in decision order. */
function decide(
  env: SeedEnv,
  s: SolutionSpec,
  group: string,
  gate: { metric: string; threshold: number },
  ev: Event[],
) {
  const versions = groupVersions(env.emulator.state, group).sort(
    (a, b) => (a.ModelPackageVersion ?? 0) - (b.ModelPackageVersion ?? 0),
  );
  const decided: Decided[] = [];
  const n = versions.length;
  versions.forEach((p, i) => {
    const by = registrant(p) ?? s.scientists[0] ?? "admin";
    const value = metricOf(p, gate.metric);
    const shown =
      value !== undefined ? `${gate.metric.toUpperCase()} ${value.toFixed(3)}` : "evaluation report";
    // the newest two and one older (> 48 h) stay in the approval queue
    const queued = i >= n - 2 || i === n - 5;
    if (p.ModelApprovalStatus !== "PendingManualApproval") {
      decided.push({ p, at: p.CreationTime, approved: p.ModelApprovalStatus === "Approved" });
      return;
    }
    if (queued) {
      ev.push(update(p.CreationTime + 60, by, p.ModelPackageArn, stage("Development", "PendingApproval")));
      return;
    }
    if (s.manualApprovals) {
      const approver = s.approvers[i % s.approvers.length] ?? "admin";
      const at = Math.min(
        p.CreationTime + 2 * HOUR + Math.floor(env.random() * 70 * HOUR),
        env.anchor - 2 * HOUR,
      );
      const margin = value !== undefined ? Math.min(1, Math.max(0, (value - gate.threshold) / 0.05)) : 0.5;
      const approved = env.random() < 0.3 + 0.4 * margin;
      const recent = p.CreationTime > env.anchor - 14 * DAY;
      if (!approved && recent && env.random() < 0.5) return; // not reviewed yet
      const reason = approved
        ? `Approved by ${person(approver)}: ${shown} clears the ${gate.threshold} gate; evaluation report and data-quality baseline reviewed.`
        : env.random() < 0.5
          ? `Rejected by ${person(approver)}: ${shown} is not better than the model in production; retrain with the updated features.`
          : `Rejected by ${person(approver)}: superseded by a newer version before review; ${shown}.`;
      ev.push(
        update(at, approver, p.ModelPackageArn, {
          ModelApprovalStatus: approved ? "Approved" : "Rejected",
          ApprovalDescription: reason,
          ...(approved ? stage("Development", "Approved") : stage("Development", "Rejected", reason)),
        }),
      );
      decided.push({ p, at, approved });
    } else {
      const r = env.random();
      const at = p.CreationTime + 300 + Math.floor(env.random() * 1500);
      if (r < 0.6) {
        ev.push(
          update(at, by, p.ModelPackageArn, {
            ModelApprovalStatus: "Approved",
            ...stage("Development", "Approved"),
          }),
        );
        decided.push({ p, at, approved: true });
      }
    }
  });
  return { versions, approved: decided.filter((d) => d.approved) };
}

interface Deployment {
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

async function deploy(env: SeedEnv, s: SolutionSpec, d: Deployment, made: Set<string>, live: Set<string>) {
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
function planDeployments(env: SeedEnv, s: SolutionSpec, approved: Decided[], versions: PackageRecord[]) {
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

function lifecycleForDeployments(plan: Deployment[], ev: Event[]) {
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

async function monitoring(env: SeedEnv, s: SolutionSpec, plan: Deployment[]) {
  const prod = s.endpoints.production;
  const first = plan.find((d) => d.stageTag === "prod");
  if (!s.monitoring || !prod || !first) return;
  const types = s.key === "fraud-detection" ? ["DataQuality", "ModelQuality"] : ["DataQuality"];
  const user = s.approvers[0] ?? "admin";
  for (const type of types) {
    const name = `${prod}-${type === "DataQuality" ? "data-quality" : "model-quality"}`;
    const created = first.t + 2 * HOUR;
    await env.as(user, created).call("CreateMonitoringSchedule", {
      MonitoringScheduleName: name,
      MonitoringScheduleConfig: {
        ScheduleConfig: { ScheduleExpression: "cron(0 * ? * * *)" },
        MonitoringType: type,
        MonitoringJobDefinition: {
          MonitoringInputs: [
            { EndpointInput: { EndpointName: prod, LocalPath: "/opt/ml/processing/input" } },
          ],
          MonitoringOutputConfig: {
            MonitoringOutputs: [
              {
                S3Output: {
                  S3Uri: `s3://${BUCKET}/${prod}/monitoring/${type}`,
                  LocalPath: "/opt/ml/processing/output",
                },
              },
            ],
          },
          MonitoringResources: {
            ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 20 },
          },
          MonitoringAppSpecification: {
            ImageUri: "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer",
          },
          RoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
        },
      },
      Tags: [...solutionTags(s), { Key: "sagemaker:deployment-stage", Value: "prod" }],
    });
    // one execution a day (the dashboard reads the daily roll-up), violations clustering in the last weeks
    const startDay = Math.ceil(created / DAY) * DAY;
    for (let t = startDay; t < env.anchor; t += DAY) {
      const recent = t > env.anchor - 21 * DAY;
      const r = env.random();
      const status =
        r < 0.03 ? "Failed" : r < (recent ? 0.35 : 0.1) ? "CompletedWithViolations" : "Completed";
      await env.as(user, t + 20 * 60).call("_PutMonitoringExecution", {
        MonitoringScheduleName: name,
        ScheduledTime: t,
        MonitoringExecutionStatus: status,
        ...(status === "Failed"
          ? { FailureReason: "AlgorithmError: no captured data found for the scheduled hour" }
          : {}),
      });
    }
  }
}

async function large(env: SeedEnv) {
  const group = LARGE.modelPackageGroup;
  const start = env.anchor - HISTORY_DAYS * DAY + DAY;
  const step = ((HISTORY_DAYS - 2) * DAY) / group.versions;
  const statuses = ["Approved", "Rejected", "PendingManualApproval"];
  for (let i = 0; i < group.versions; i++)
    await env.as("admin", Math.floor(start + i * step)).call("CreateModelPackage", {
      ModelPackageGroupName: group.name,
      ModelApprovalStatus: statuses[i % 3],
      InferenceSpecification: {
        Containers: [{ Image: IMAGE }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
      },
      CustomerMetadataProperties: { "metric:auc": (0.8 + (i % 100) / 1000).toFixed(4) },
    });
}

export async function seedRegistry(env: SeedEnv): Promise<void> {
  for (const s of SOLUTIONS) {
    const groups = solutionGroups(s);
    if (groups.length === 0) continue;
    const events: Event[] = [];
    let main: { approved: Decided[]; versions: PackageRecord[] } | undefined;
    for (const [i, group] of groups.entries()) {
      const gate = s.pipelines.find((p) => p.modelPackageGroup === group)?.gate ?? {
        metric: "auc",
        threshold: 0.8,
      };
      await topUp(env, s, group, gate);
      const d = decide(env, s, group, gate, events);
      if (i === 0) main = d;
    }
    const plan = main ? planDeployments(env, s, main.approved, main.versions) : [];
    lifecycleForDeployments(plan, events);
    // registry updates and deployments interleaved in time order
    const made = new Set<string>();
    const live = new Set<string>();
    const all: ({ kind: "event"; e: Event } | { kind: "deploy"; d: Deployment })[] = [
      ...events.map((e) => ({ kind: "event" as const, e })),
      ...plan.map((d) => ({ kind: "deploy" as const, d })),
    ];
    const at = (x: (typeof all)[number]) => (x.kind === "event" ? x.e.t : x.d.t);
    all.sort((a, b) => at(a) - at(b));
    for (const x of all) {
      if (x.kind === "event") await env.as(x.e.user, x.e.t).call(x.e.op, x.e.input);
      else await deploy(env, s, x.d, made, live);
    }
    await monitoring(env, s, plan);
  }
  await env.as("admin", env.anchor).call("_SettleEndpoints", {});
  if (env.scale === "large") await large(env);
}
