/** Shared constants, types and helpers of the registry seeders. */
import { type PackageRecord } from "../../ops/registry/store";
import { isObject, type JsonObject } from "../../core/json";
import type { State } from "../../core/state";
import { getObject } from "../../ops/jobs/s3";
export const DAY = 86_400;
export const HOUR = 3600;
export const MIN_VERSIONS = 12;
export const BUCKET = "sagedeck-demo-artifacts";
export const IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

export interface Event {
  t: number;
  user: string;
  op: string;
  input: JsonObject;
}

export const person = (user: string) =>
  user
    .split(".")
    .map((p) => (p[0] ?? "").toUpperCase() + p.slice(1))
    .join(" ");

/** A version's metric: its `metric:<name>` metadata, else the value in its ModelMetrics evaluation report. */
export function metricOf(state: State, p: PackageRecord, metric: string): number | undefined {
  const m = isObject(p.CustomerMetadataProperties)
    ? p.CustomerMetadataProperties[`metric:${metric}`]
    : undefined;
  const n = typeof m === "string" ? Number(m) : NaN;
  if (Number.isFinite(n)) return n;
  const quality = isObject(p.ModelMetrics) ? p.ModelMetrics.ModelQuality : undefined;
  const stats = isObject(quality) ? quality.Statistics : undefined;
  const uri = isObject(stats) && typeof stats.S3Uri === "string" ? stats.S3Uri : undefined;
  const body = uri ? getObject(state, uri)?.body : undefined;
  if (!body) return undefined;
  try {
    const doc = JSON.parse(body) as unknown;
    if (!isObject(doc)) return undefined;
    for (const section of Object.values(doc)) {
      const entry = isObject(section) ? section[metric] : undefined;
      if (isObject(entry) && typeof entry.value === "number") return entry.value;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function registrant(p: PackageRecord): string | undefined {
  const by = isObject(p.CreatedBy) ? p.CreatedBy.UserProfileName : undefined;
  return typeof by === "string" ? by : undefined;
}

/** Registers versions (as a RegisterModel step would) until the group holds MIN_VERSIONS. */
export const update = (t: number, user: string, arn: string, input: JsonObject): Event => ({
  t,
  user,
  op: "UpdateModelPackage",
  input: { ModelPackageArn: arn, ...input },
});
export const stage = (Stage: string, StageStatus: string, StageDescription?: string) => ({
  ModelLifeCycle: { Stage, StageStatus, ...(StageDescription ? { StageDescription } : {}) },
});

export interface Decided {
  p: PackageRecord;
  at: number;
  approved: boolean;
}

/** Approval decisions for a group; returns the approved versions in decision order. */
