/** Application Auto Scaling records (per account): scalable targets, scaling policies, scaling activities. */
import { AwsError } from "../core/errors";
import { REGION, currentAccount } from "../core/arn";
import { defineCollection } from "../core/state";
import type { JsonObject } from "../core/json";

export interface TargetRecord extends JsonObject {
  ServiceNamespace: string;
  ResourceId: string;
  ScalableDimension: string;
  MinCapacity: number;
  MaxCapacity: number;
  RoleARN: string;
  CreationTime: number;
  ScalableTargetARN: string;
  SuspendedState?: JsonObject;
  /** simulation: last evaluation, last scale-out / scale-in (epoch seconds) */
  evaluatedAt?: number;
  scaledOutAt?: number;
  scaledInAt?: number;
}

export interface PolicyRecord extends JsonObject {
  PolicyARN: string;
  PolicyName: string;
  ServiceNamespace: string;
  ResourceId: string;
  ScalableDimension: string;
  PolicyType: string;
  CreationTime: number;
}

export interface ActivityRecord extends JsonObject {
  ActivityId: string;
  ServiceNamespace: string;
  ResourceId: string;
  ScalableDimension: string;
  Description: string;
  Cause: string;
  StartTime: number;
  EndTime?: number;
  StatusCode: string;
  StatusMessage?: string;
}

export const targets = defineCollection<TargetRecord>("autoscaling.targets");
export const policies = defineCollection<PolicyRecord>("autoscaling.policies");
export const activities = defineCollection<ActivityRecord>("autoscaling.activities");

export const targetKey = (ns: string, id: string, dim: string): string => `${ns}|${id}|${dim}`;
export const policyKey = (target: string, name: string): string => `${target}|${name}`;

export const SAGEMAKER_DIMENSION = "sagemaker:variant:DesiredInstanceCount";

export function noTarget(ns: string, id: string, dim: string): AwsError {
  return new AwsError(
    "ObjectNotFoundException",
    `No scalable target registered for service namespace: ${ns}, resource ID: ${id}, scalable dimension: ${dim}`,
  );
}

export const region = (): string => REGION;
export const account = (): string => currentAccount();

/** `endpoint/<name>/variant/<variant>` → its parts (SageMaker variants are the only resources emulated). */
export function variantOf(resourceId: string): { endpoint: string; variant: string } | undefined {
  const m = /^endpoint\/([^/]+)\/variant\/([^/]+)$/.exec(resourceId);
  return m ? { endpoint: m[1] ?? "", variant: m[2] ?? "" } : undefined;
}
