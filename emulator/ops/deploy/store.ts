/** Deploy records: models, endpoint configs, endpoints (Describe shapes) and pending rollouts. */
import { defineCollection } from "../../core/state";
import { validation } from "../../core/errors";
import { arn } from "../../core/arn";
import type { JsonObject } from "../../core/json";

export interface ModelRecord extends JsonObject {
  ModelName: string;
  ModelArn: string;
  CreationTime: number;
}
export interface EndpointConfigRecord extends JsonObject {
  EndpointConfigName: string;
  EndpointConfigArn: string;
  ProductionVariants: JsonObject[];
  CreationTime: number;
}
export interface EndpointRecord extends JsonObject {
  EndpointName: string;
  EndpointArn: string;
  EndpointConfigName: string;
  EndpointStatus: string;
  CreationTime: number;
  LastModifiedTime: number;
}
/** A create or update in flight: completes (or fails) at `dueAt` (simulated seconds on ctx.now()). */
export interface Rollout extends JsonObject {
  endpoint: string;
  config: string;
  kind: "create" | "update";
  startedAt: number;
  dueAt: number;
  failureReason?: string;
}

/** all keyed by lower-cased name */
export const models = defineCollection<ModelRecord>("deploy.models");
export const endpointConfigs = defineCollection<EndpointConfigRecord>("deploy.endpointConfigs");
export const endpoints = defineCollection<EndpointRecord>("deploy.endpoints");
export const rollouts = defineCollection<Rollout>("deploy.rollouts");
/** injected failure for the next create/update of an endpoint: FailureReason */
export const injectedFailures = defineCollection<string>("deploy.injectedFailures");

export const key = (name: string): string => name.toLowerCase();

export const modelNotFound = (name: string) => validation(`Could not find model "${arn("model", name)}".`);
export const configNotFound = (name: string) =>
  validation(`Could not find endpoint configuration "${arn("endpoint-config", name)}".`);
export const endpointNotFound = (name: string) =>
  validation(`Could not find endpoint "${arn("endpoint", name)}".`);

export const RESOURCE_NAME = {
  min: 1,
  max: 63,
  pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
  patternText: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
};
