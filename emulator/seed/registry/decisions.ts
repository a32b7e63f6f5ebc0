/** Registry decisions: top groups up to a minimum, then approve, reject and stage versions. */
import type { SeedEnv } from "../env";
import { HISTORY_DAYS, type SolutionSpec } from "../org";
import { solutionTags } from "../projects";
import { groupVersions } from "../../ops/registry/store";
import { putObject } from "../../ops/jobs/s3";
import {
  DAY,
  HOUR,
  MIN_VERSIONS,
  BUCKET,
  IMAGE,
  type Event,
  person,
  metricOf,
  registrant,
  update,
  stage,
  type Decided,
} from "./common";

export async function topUp(
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
    putObject(env.emulator.state, `${prefix}/evaluation.json`, JSON.stringify(doc), "application/json", t);
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
      CustomerMetadataProperties: {
        ...(s.metricsInReportsOnly ? {} : { [`metric:${gate.metric}`]: value.toFixed(4) }),
        registered: "manual",
      },
      ModelApprovalStatus: "PendingManualApproval",
      Tags: solutionTags(s),
    });
  }
}

export function decide(
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
    const value = metricOf(env.emulator.state, p, gate.metric);
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
